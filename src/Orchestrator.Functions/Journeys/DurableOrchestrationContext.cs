using Microsoft.DurableTask;
using Orchestrator.Application.Orchestration;

namespace Orchestrator.Functions.Journeys;

/// <summary>Adapts Durable's <see cref="TaskOrchestrationContext"/> to the journey loop's context.</summary>
/// <param name="context">The Durable context.</param>
internal sealed class DurableOrchestrationContext(TaskOrchestrationContext context) : IJourneyOrchestrationContext
{
    public string InstanceId => context.InstanceId;

    // Durable's time is a UTC DateTime from the history: replay-safe.
    public DateTimeOffset CurrentUtcDateTime => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    public Task<T> CallActivityAsync<T>(string name, object? input) => context.CallActivityAsync<T>(new TaskName(name), input, options: null);

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken) =>
        context.WaitForExternalEvent<T>(eventName, cancellationToken);

    public Task CreateTimer(DateTimeOffset fireAt, CancellationToken cancellationToken) =>
        context.CreateTimer(fireAt.UtcDateTime, cancellationToken);

    public void SetCustomStatus(object? customStatus) => context.SetCustomStatus(customStatus);

    public void ContinueAsNew(object newInput, bool preserveUnprocessedEvents) => context.ContinueAsNew(newInput, preserveUnprocessedEvents);
}
