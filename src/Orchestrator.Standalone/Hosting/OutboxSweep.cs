using Orchestrator.Application.Actions;

namespace Orchestrator.Standalone.Hosting;

/// <summary>
/// Keeps outboxes small and restarts quiet. Every <see cref="AcknowledgeEvery"/> it marks the actions dispatched
/// since the previous round in the dispatch log, in batches across customers, so a crash re-sends only the actions
/// of about the last round. Every <see cref="Interval"/> it re-sends actions left in outboxes after a dispatch failed
/// while the host runs (start-up recovery covers crashes), and removes the outbox entries of dispatched actions for
/// customers idle for <see cref="IdleFlushAfter"/> (a busy customer's next commit removes them for free). At shutdown
/// it removes every acknowledged entry, so a restart re-sends none of them.
/// </summary>
internal sealed partial class OutboxSweep(ActionDispatcher dispatcher, ILogger<OutboxSweep> logger) : BackgroundService
{
    /// <summary>How often dispatched actions are marked in the dispatch log: what a crash may re-send is about this much.</summary>
    public static readonly TimeSpan AcknowledgeEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the sweep checks for failed dispatches and idle customers.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>How long a customer stays idle before its dispatched actions leave the outbox on their own write.</summary>
    public static readonly TimeSpan IdleFlushAfter = TimeSpan.FromSeconds(30);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await dispatcher.FlushAcknowledgedAsync(TimeSpan.Zero, cancellationToken);
            await dispatcher.AcknowledgeAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Left in the outbox, they are sent again at the next start, with the same idempotency keys.
            LogFlushFailed(logger, exception);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wall clock: the sweep retries I/O, it makes no engine decision.
        using var timer = new PeriodicTimer(AcknowledgeEvery, TimeProvider.System);
        var roundsPerSweep = (int)(Interval / AcknowledgeEvery);
        var round = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await dispatcher.AcknowledgeAsync(stoppingToken);
                if (++round % roundsPerSweep == 0)
                {
                    await dispatcher.RecoverIfDispatchFailedAsync(stoppingToken);
                    await dispatcher.FlushAcknowledgedAsync(IdleFlushAfter, stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, exception, AcknowledgeEvery);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox sweep failed; trying again in {Interval}")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing dispatched actions from outboxes at shutdown failed; a restart sends them again")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
