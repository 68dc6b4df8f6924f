using Microsoft.DurableTask;

namespace Orchestrator.Durable.Orchestration;

/// <summary>Adapts Durable's <see cref="TaskOrchestrationContext"/> to the journey loop's context.</summary>
/// <param name="context">The Durable context.</param>
public sealed class DurableOrchestrationContext(TaskOrchestrationContext context) : IJourneyOrchestrationContext
{
    /// <summary>
    /// How activities are retried: an activity fails when the store or the action sink does not answer (its committed
    /// sends stay in the outbox and the retry sends them), so it is tried again with backoff for about half an hour
    /// before the orchestration fails.
    /// </summary>
    public static readonly TaskOptions ActivityRetries = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 10, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    /// <inheritdoc/>
    public string InstanceId => context.InstanceId;

    /// <inheritdoc/>
    /// <remarks>Durable's time is a UTC <see cref="DateTime"/> from the history: replay-safe.</remarks>
    public DateTimeOffset CurrentUtcDateTime => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    /// <inheritdoc/>
    public Task<T> CallActivityAsync<T>(string name, object? input) => context.CallActivityAsync<T>(new TaskName(name), input, ActivityRetries);

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
