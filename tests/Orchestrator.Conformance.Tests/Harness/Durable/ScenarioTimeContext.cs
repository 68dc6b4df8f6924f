using Orchestrator.Durable.Orchestration;

namespace Orchestrator.Conformance.Tests.Harness.Durable;

/// <summary>
/// Compresses a scenario's days into seconds for the real Durable runtime, whose timers run in real time. The journey
/// loop sees scenario time: the time of each touchpoint it receives, and the due time of each timer it set once that
/// timer fires. Every durable timer itself fires <see cref="TimerDelay"/> after it was set, whatever its due time.
/// </summary>
/// <remarks>
/// Replay-safe as the loop needs: scenario time is read from what the history delivers (event payloads, the loop's
/// own timer requests) and each real timer's due time from the history's clock. The driver posts a run's next event
/// only once the previous one was taken, and waits for a timer when the script says it comes first, so a timer that
/// fires <see cref="TimerDelay"/> later wins exactly the races it wins in the simulator. The one wrapper the real
/// runtime runs under in these tests; the adapter under it is the app's own <see cref="DurableOrchestrationContext"/>.
/// </remarks>
internal sealed class ScenarioTimeContext : IJourneyOrchestrationContext
{
    /// <summary>
    /// How long every durable timer runs, in real time: well above the time the driver takes to have a run's next
    /// touchpoint accepted (committed in its customer's partition) once the previous one was taken, on a loaded
    /// two-core machine. A timer that fires earlier still loses to that touchpoint, which the loop applies first.
    /// </summary>
    public static readonly TimeSpan TimerDelay = TimeSpan.FromSeconds(10);

    private readonly IJourneyOrchestrationContext _inner;
    private DateTimeOffset _now;

    public ScenarioTimeContext(IJourneyOrchestrationContext inner, JourneyOrchestrationInput input)
    {
        _inner = inner;
        _now = input.Trigger?.Time ?? input.State!.UpdatedAt;
    }

    public string InstanceId => _inner.InstanceId;

    public DateTimeOffset CurrentUtcDateTime => _now;

    public Task<T> CallActivityAsync<T>(string name, object? input) => _inner.CallActivityAsync<T>(name, input);

    public async Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken)
    {
        var payload = await _inner.WaitForExternalEvent<T>(eventName, cancellationToken);
        if (payload is RaisedTouchpoint raised && !cancellationToken.IsCancellationRequested)
        {
            _now = raised.Time;
        }

        return payload;
    }

    public async Task CreateTimer(DateTimeOffset fireAt, CancellationToken cancellationToken)
    {
        await _inner.CreateTimer(_inner.CurrentUtcDateTime + TimerDelay, cancellationToken);

        // A cancelled timer may complete rather than fail; only one that fired moves scenario time.
        if (!cancellationToken.IsCancellationRequested)
        {
            _now = fireAt;
        }
    }

    public void SetCustomStatus(object? customStatus) => _inner.SetCustomStatus(customStatus);

    public void ContinueAsNew(object newInput, bool preserveUnprocessedEvents) => _inner.ContinueAsNew(newInput, preserveUnprocessedEvents);
}
