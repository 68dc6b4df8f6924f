namespace Orchestrator.Durable.Orchestration;

/// <summary>
/// The part of a Durable orchestration context the journey loop uses. The Functions app adapts
/// <c>TaskOrchestrationContext</c> to it; tests use a fake that behaves like Durable (buffered events,
/// fake time, continue-as-new), so the loop is tested without the Durable runtime.
/// </summary>
/// <remarks>
/// Every member must be replay-safe: time comes from the orchestration history, never from a clock.
/// </remarks>
public interface IJourneyOrchestrationContext
{
    /// <summary>The orchestration's instance id.</summary>
    string InstanceId { get; }

    /// <summary>Replay-safe current time.</summary>
    DateTimeOffset CurrentUtcDateTime { get; }

    /// <summary>Calls an activity and returns its result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <param name="input">The serializable input.</param>
    /// <returns>The activity's result.</returns>
    Task<T> CallActivityAsync<T>(string name, object? input);

    /// <summary>Waits for an external event; an event raised while nobody waits is kept for the next wait.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="eventName">The event name.</param>
    /// <param name="cancellationToken">Cancels the wait (the event is then kept for a later wait).</param>
    /// <returns>The payload.</returns>
    Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken);

    /// <summary>Creates a durable timer.</summary>
    /// <param name="fireAt">When it fires.</param>
    /// <param name="cancellationToken">Cancels the timer.</param>
    /// <returns>A task that completes when the timer fires.</returns>
    Task CreateTimer(DateTimeOffset fireAt, CancellationToken cancellationToken);

    /// <summary>Sets the custom status shown by status queries (at most 16 KB serialized).</summary>
    /// <param name="customStatus">The status.</param>
    void SetCustomStatus(object? customStatus);

    /// <summary>Restarts the orchestration with a new input and an empty history.</summary>
    /// <param name="newInput">The new input.</param>
    /// <param name="preserveUnprocessedEvents">Whether events not yet received are kept for the new generation.</param>
    void ContinueAsNew(object newInput, bool preserveUnprocessedEvents);
}
