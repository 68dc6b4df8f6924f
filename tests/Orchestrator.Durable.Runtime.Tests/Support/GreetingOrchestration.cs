using Microsoft.DurableTask;

namespace Orchestrator.Durable.Runtime.Tests.Support;

/// <summary>The smallest useful orchestration: one activity call, its result as the output.</summary>
internal static class GreetingOrchestration
{
    public const string Name = "Greet";
    public const string Activity = "SayHello";

    public static void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestratorFunc<string, string>(Name, (context, name) => context.CallActivityAsync<string>(Activity, name));
        registry.AddActivityFunc<string, string>(Activity, (_, name) => $"Hello, {name}");
    }
}
