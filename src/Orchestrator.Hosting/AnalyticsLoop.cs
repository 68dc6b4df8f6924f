using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Application.Analytics;

namespace Orchestrator.Hosting;

/// <summary>
/// Runs the analytics fold in the background (<see cref="AnalyticsAggregator.RunAsync"/>) in every process that commits
/// (the standalone host; each worker of the Functions app, whose activities queue their records there); at shutdown it
/// folds what is queued and removes the folded records from their outboxes, so a restart has nothing to recover.
/// </summary>
internal sealed partial class AnalyticsLoop(AnalyticsAggregator aggregator, AnalyticsQueries queries, ILogger<AnalyticsLoop> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await aggregator.DrainAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Left in the outboxes, the records are folded by the next start's recovery, once.
            LogDrainFailed(logger, exception);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => aggregator.RunAsync(queries.JourneyIdsAsync, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Folding analytics at shutdown failed; the next start folds what is left")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);
}
