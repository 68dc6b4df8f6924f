using Orchestrator.Application.Actions;

namespace Orchestrator.Standalone.Hosting;

/// <summary>
/// Re-sends actions left in outboxes after a dispatch failed while the host runs (start-up recovery covers
/// crashes). Checks every <see cref="Interval"/>; when no dispatch has failed it does no storage work at all.
/// </summary>
internal sealed partial class OutboxSweep(ActionDispatcher dispatcher, ILogger<OutboxSweep> logger) : BackgroundService
{
    /// <summary>How often the sweep checks for failed dispatches.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wall clock: the sweep retries I/O, it makes no engine decision.
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await dispatcher.RecoverIfDispatchFailedAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, exception, Interval);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox sweep failed; trying again in {Interval}")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, TimeSpan interval);
}
