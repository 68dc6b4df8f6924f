namespace Orchestrator.Application.Ports;

/// <summary>
/// Durable wake-ups. A timer is written before the state that asks for it, so a crash can leave a
/// timer nobody needs but never a needed one missing; the engine ignores wake-ups with nothing due.
/// </summary>
public interface ITimerStore
{
    /// <summary>Stores a timer (idempotent).</summary>
    /// <param name="timer">The timer.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when durable.</returns>
    Task ScheduleAsync(DueTimer timer, CancellationToken cancellationToken);

    /// <summary>Reads timers due at or before <paramref name="now"/>, earliest first.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="max">Most timers returned.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Due timers.</returns>
    Task<IReadOnlyList<DueTimer>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Reads the earliest timer, due or not, so a poller knows how long it may sleep.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The earliest timer, or null when there are none.</returns>
    Task<DueTimer?> GetEarliestAsync(CancellationToken cancellationToken);

    /// <summary>Removes a fired timer (already-removed is fine).</summary>
    /// <param name="timer">The timer.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when removed.</returns>
    Task DeleteAsync(DueTimer timer, CancellationToken cancellationToken);

    /// <summary>Removes fired timers (already-removed ones are fine); a store that can, does it in few requests.</summary>
    /// <param name="fired">The timers.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>A task that completes when all are removed.</returns>
    async Task DeleteAllAsync(IReadOnlyCollection<DueTimer> fired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fired);
        foreach (var timer in fired)
        {
            await DeleteAsync(timer, cancellationToken);
        }
    }
}
