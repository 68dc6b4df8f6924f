using Orchestrator.Application.Ports;
using Orchestrator.Application.Processing;

namespace Orchestrator.Application.Timers;

/// <summary>Fires due timers: each wakes its instance through the customer processor, then is removed.</summary>
public sealed class TimerService
{
    private const int BatchSize = 100;
    private readonly ITimerStore _timers;
    private readonly CustomerProcessor _processor;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service.</summary>
    /// <param name="timers">Timer store.</param>
    /// <param name="processor">Applies wake-ups.</param>
    /// <param name="clock">Current time.</param>
    public TimerService(ITimerStore timers, CustomerProcessor processor, TimeProvider clock)
    {
        _timers = timers;
        _processor = processor;
        _clock = clock;
    }

    /// <summary>Fires every timer due now.</summary>
    /// <param name="cancellationToken">Cancels firing.</param>
    /// <returns>How many timers fired.</returns>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var fired = 0;
        while (true)
        {
            var due = await _timers.GetDueAsync(_clock.GetUtcNow(), BatchSize, cancellationToken);
            foreach (var timer in due)
            {
                await _processor.ApplyWakeUpAsync(timer.CustomerId, timer.InstanceId, cancellationToken);
                await _timers.DeleteAsync(timer, cancellationToken);
                fired++;
            }

            if (due.Count < BatchSize)
            {
                return fired;
            }
        }
    }

    /// <summary>When the earliest stored timer is due, so a poller knows how long it may wait.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The instant, or null when no timer is stored.</returns>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        (await _timers.GetEarliestAsync(cancellationToken))?.DueAt;
}
