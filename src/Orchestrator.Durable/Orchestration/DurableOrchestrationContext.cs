using Microsoft.DurableTask;

namespace Orchestrator.Durable.Orchestration;

/// <summary>Adapts Durable's <see cref="TaskOrchestrationContext"/> to the journey loop's context.</summary>
/// <param name="context">The Durable context.</param>
public sealed class DurableOrchestrationContext(TaskOrchestrationContext context) : IJourneyOrchestrationContext
{
    /// <inheritdoc/>
    public string InstanceId => context.InstanceId;

    /// <inheritdoc/>
    /// <remarks>Durable's time is a UTC <see cref="DateTime"/> from the history: replay-safe.</remarks>
    public DateTimeOffset CurrentUtcDateTime => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    /// <inheritdoc/>
    public Task<T> CallActivityAsync<T>(string name, object? input) => context.CallActivityAsync<T>(new TaskName(name), input, options: null);

    /// <inheritdoc/>
    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken) =>
        context.WaitForExternalEvent<T>(eventName, cancellationToken);

    /// <inheritdoc/>
    public Task CreateTimer(DateTimeOffset fireAt, CancellationToken cancellationToken) =>
        context.CreateTimer(fireAt.UtcDateTime, cancellationToken);

    /// <inheritdoc/>
    public void SetCustomStatus(object? customStatus) => context.SetCustomStatus(customStatus);

    /// <inheritdoc/>
    public void ContinueAsNew(object newInput, bool preserveUnprocessedEvents) => context.ContinueAsNew(newInput, preserveUnprocessedEvents);
}
