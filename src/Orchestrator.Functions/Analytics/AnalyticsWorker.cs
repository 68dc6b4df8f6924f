using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Application.Analytics;

namespace Orchestrator.Functions.Analytics;

/// <summary>
/// The analytics fold in each worker of the Functions app: the activities' commits queue their records in the worker
/// that ran them, and this loop folds them (<see cref="AnalyticsAggregator.RunAsync"/>), as the standalone host's does.
/// </summary>
/// <param name="aggregator">The aggregator.</param>
/// <param name="queries">Lists the journeys to prune.</param>
/// <param name="logger">Logger.</param>
internal sealed partial class AnalyticsWorker(AnalyticsAggregator aggregator, AnalyticsQueries queries, ILogger<AnalyticsWorker> logger) : BackgroundService
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
            LogDrainFailed(logger, exception);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => aggregator.RunAsync(queries.JourneyIdsAsync, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Folding analytics at shutdown failed; the next start folds what is left")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);
}
