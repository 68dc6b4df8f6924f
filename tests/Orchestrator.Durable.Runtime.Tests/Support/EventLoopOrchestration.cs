using Microsoft.DurableTask;

namespace Orchestrator.Durable.Runtime.Tests.Support;

/// <summary>
/// The shape of the journey loop reduced to its Durable essentials: wait for one external event at a time, keep
/// what arrived, and start a new generation with <c>ContinueAsNew(preserveUnprocessedEvents: true)</c> every few
/// events so the history stays short. It completes on <see cref="EndMarker"/>, returning every event it received,
/// in order.
/// </summary>
internal static class EventLoopOrchestration
{
    public const string Name = "EventLoop";
    public const string HoldActivity = "Hold";
    public const string EventName = "touch";
    public const string EndMarker = "end";

    /// <summary>Registers the orchestrator and its activity; the activity waits on <paramref name="gate"/>.</summary>
    public static void Register(DurableTaskRegistry registry, ActivityGate gate)
    {
        registry.AddOrchestratorFunc<EventLoopInput, List<string>>(Name, RunAsync);
        registry.AddActivityFunc<string, string>(HoldActivity, (_, _) => gate.HoldAsync());
    }

    /// <summary>Event names <c>e01</c>, <c>e02</c>, …: sortable, so order is easy to check.</summary>
    public static IReadOnlyList<string> Events(int count) =>
        [.. Enumerable.Range(1, count).Select(number => $"e{number:00}")];

    private static async Task<List<string>> RunAsync(TaskOrchestrationContext context, EventLoopInput input)
    {
        if (input.HoldFirst && input.Generation == 0)
        {
            // Events raised now are buffered by the worker: nothing waits for them until the activity returns.
            await context.CallActivityAsync<string>(HoldActivity, "hold");
        }

        var received = input.Received.ToList();
        for (var i = 0; i < input.PerGeneration; i++)
        {
            context.SetCustomStatus(new EventLoopStatus(input.Generation, received.Count));
            var value = await context.WaitForExternalEvent<string>(EventName);
            if (value == EndMarker)
            {
                return received;
            }

            received.Add(value);
        }

        context.SetCustomStatus(new EventLoopStatus(input.Generation + 1, received.Count));
        context.ContinueAsNew(input with { Generation = input.Generation + 1, Received = received }, preserveUnprocessedEvents: true);
        return received;
    }
}

/// <summary>The loop's input, carried from generation to generation.</summary>
/// <param name="PerGeneration">Events handled before each ContinueAsNew.</param>
/// <param name="HoldFirst">Whether the first generation starts in the held activity.</param>
/// <param name="Generation">How many ContinueAsNew came before.</param>
/// <param name="Received">Events received so far, in order.</param>
internal sealed record EventLoopInput(int PerGeneration, bool HoldFirst, int Generation, IReadOnlyList<string> Received)
{
    public static EventLoopInput Start(int perGeneration, bool holdFirst) => new(perGeneration, holdFirst, 0, []);
}

/// <summary>The loop's custom status: where it is, for the test to wait on.</summary>
/// <param name="Generation">The current generation.</param>
/// <param name="Received">Events received so far.</param>
internal sealed record EventLoopStatus(int Generation, int Received);
