using Orchestrator.Application.Ports;

namespace Orchestrator.Functions.Hosting;

/// <summary>
/// The timer store of the Functions app: durable timers in each orchestration wake instances and release deferred
/// actions, so the wake-ups the shared run loop schedules are not stored (no poller reads them here).
/// </summary>
internal sealed class DurableTimerStore : ITimerStore
{
    public Task ScheduleAsync(DueTimer timer, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<DueTimer>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DueTimer>>([]);

    public Task<DueTimer?> GetEarliestAsync(CancellationToken cancellationToken) => Task.FromResult<DueTimer?>(null);

    public Task DeleteAsync(DueTimer timer, CancellationToken cancellationToken) => Task.CompletedTask;
}
