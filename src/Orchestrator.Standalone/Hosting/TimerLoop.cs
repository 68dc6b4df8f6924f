using Orchestrator.Application.Processing;
using Orchestrator.Application.Timers;

namespace Orchestrator.Standalone.Hosting;

/// <summary>
/// Fires due timers, then waits until the earliest stored timer is due, at most <see cref="MaxWait"/>, or
/// until a newly scheduled timer is due earlier.
/// </summary>
/// <remarks>
/// Waits on the injected <see cref="TimeProvider"/>, the engine's clock, so a test clock decides when
/// timers fire. The short ceiling picks up timers stored by other processes within a second. Back-off
/// after a storage error is wall-clock time: it gives the storage service time to recover. Any error
/// but the host stopping is caught: a storage client's own time-out is a cancellation too, and must not end the loop.
/// </remarks>
internal sealed partial class TimerLoop(
    TimerService timers,
    CustomerProcessor processor,
    TimeProvider clock,
    ILogger<TimerLoop> logger) : BackgroundService
{
    /// <summary>The longest the loop waits before looking for due timers again.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);

    private readonly WakeUpSignal _signal = new();
    private readonly BackOff _failing = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        processor.TimerScheduled += _signal.Notify;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                DateTimeOffset wakeAt;
                try
                {
                    var fired = await timers.FireDueAsync(stoppingToken);
                    if (fired > 0)
                    {
                        LogFired(logger, fired);
                    }

                    _signal.Arm();
                    var nextDue = await timers.NextDueAsync(stoppingToken);
                    var latest = clock.GetUtcNow() + MaxWait;
                    wakeAt = nextDue is { } due && due < latest ? due : latest;
                    _failing.Reset();
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    var wait = _failing.Next();
                    LogFailed(logger, exception, wait);
                    await Task.Delay(wait, TimeProvider.System, stoppingToken);
                    continue;
                }

                await _signal.WaitAsync(wakeAt, clock, stoppingToken);
            }
        }
        finally
        {
            processor.TimerScheduled -= _signal.Notify;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Fired {Count} due timer(s)")]
    private static partial void LogFired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Firing timers failed; trying again in {Wait}")]
    private static partial void LogFailed(ILogger logger, Exception exception, TimeSpan wait);
}
