using Orchestrator.Application.Ports;

namespace Orchestrator.Durable.Orchestration;

/// <summary>
/// The timer store of the Durable runtime: durable timers in each orchestration wake instances and release deferred
/// actions, so the wake-ups the shared run loop schedules are not stored (no poller reads them here).
/// </summary>
public sealed class DurableTimerStore : ITimerStore
{
    /// <inheritdoc/>
    public Task ScheduleAsync(DueTimer timer, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task<IReadOnlyList<DueTimer>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DueTimer>>([]);

    /// <inheritdoc/>
    public Task<DueTimer?> GetEarliestAsync(CancellationToken cancellationToken) => Task.FromResult<DueTimer?>(null);

    /// <inheritdoc/>
    public Task DeleteAsync(DueTimer timer, CancellationToken cancellationToken) => Task.CompletedTask;
}
