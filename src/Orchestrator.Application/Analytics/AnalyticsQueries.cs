using Orchestrator.Application.Definitions;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Application.Analytics;

/// <summary>
/// Reads a journey's figures and the ranking of journeys to fix first from the pre-aggregated buckets: a read costs
/// the same however many instances the journey has, as it never reads instances.
/// </summary>
/// <param name="store">The buckets.</param>
/// <param name="definitions">Stored versions, for the latest of each journey.</param>
/// <param name="catalog">Parsed definitions.</param>
/// <param name="clock">Now, for windows ending now.</param>
/// <param name="options">Retention, which decides the grain read.</param>
public sealed class AnalyticsQueries(IAnalyticsStore store, IDefinitionStore definitions, DefinitionCatalog catalog, TimeProvider clock, AnalyticsOptions options)
{
    /// <summary>Now, by the clock the windows are read against.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>A journey's figures over a window.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">One version, or null for all.</param>
    /// <param name="window">The window.</param>
    /// <param name="interval"><c>hour</c> or <c>day</c> for a series, or null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The figures; null when the journey (or version) is not deployed.</returns>
    public async Task<JourneyAnalytics?> GetAsync(string journeyId, int? version, AnalyticsWindow window, string? interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var definition = await DefinitionOfAsync(journeyId, version, cancellationToken);
        return definition is null ? null : (await ReadAsync(definition, version, window, interval, cancellationToken)).Analytics;
    }

    /// <summary>Every deployed journey ranked by opportunity, under-performers flagged.</summary>
    /// <param name="window">The window.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Highest opportunity first, then highest volume.</returns>
    public async Task<IReadOnlyList<JourneyRank>> RankAsync(AnalyticsWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var ranks = new List<JourneyRank>();
        foreach (var stored in await definitions.ListActiveAsync(cancellationToken))
        {
            if (await catalog.GetAsync(stored.JourneyId, stored.Version, cancellationToken) is not { } definition)
            {
                continue;
            }

            var (_, report, previous) = await ReadAsync(definition, null, window, null, cancellationToken);
            ranks.Add(Rank(definition, report, previous));
        }

        return [.. ranks.OrderByDescending(r => r.Opportunity).ThenByDescending(r => r.UnderPerforming).ThenByDescending(r => r.Volume).ThenBy(r => r.JourneyId, StringComparer.Ordinal)];
    }

    /// <summary>Lists the deployed journeys, for pruning.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Journey ids.</returns>
    public async Task<IReadOnlyList<string>> JourneyIdsAsync(CancellationToken cancellationToken) =>
        [.. (await definitions.ListActiveAsync(cancellationToken)).Select(d => d.JourneyId)];

    private static JourneyRank Rank(JourneyDefinition definition, JourneyReport report, AnalyticsCounters previous)
    {
        var score = report.Score;
        var volume = report.Totals.EndedTotal;
        var previousEnded = previous[CounterNames.Ended];
        double? noise = null;
        if (volume > 0 && previousEnded > 0)
        {
            var pooled = (double)(report.Totals.GoalReached + previous[CounterNames.EndedWithGoal]) / (volume + previousEnded);
            noise = Math.Round(100 * Proportions.Z95 * Math.Sqrt(pooled * (1 - pooled) * ((1.0 / volume) + (1.0 / previousEnded))), 1);
        }

        var below = score.Score is { } s && s < score.Target;
        var falling = report.Trend is { } trend && noise is { } n && trend < -n;
        var opportunity = score.Score is { } value ? Math.Round(volume * Math.Max(0, score.Target - value) / 100, 1) : 0;
        return new JourneyRank(definition.Id, definition.Name, volume, score.Score, score.Target, report.PreviousScore, report.Trend, noise, opportunity, below, falling);
    }

    private async Task<(JourneyAnalytics Analytics, JourneyReport Report, AnalyticsCounters Previous)> ReadAsync(
        JourneyDefinition definition, int? version, AnalyticsWindow window, string? interval, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var grain = interval == "hour" || (interval != "day" && window.Length <= TimeSpan.FromDays(2) && window.From >= now - options.HourRetention)
            ? AnalyticsGrain.Hour
            : AnalyticsGrain.Day;
        var from = Floor(grain, window.From);
        var previousFrom = Floor(grain, window.Previous.From);
        // Rounded out to whole buckets at both ends: the bucket holding the window's end (now, usually) is read too.
        var buckets = (await store.ReadAsync(definition.Id, grain, previousFrom, Floor(grain, window.To) + (grain == AnalyticsGrain.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1)), cancellationToken))
            .Where(b => version is null || b.Version == version).ToArray();
        var totals = (await store.ReadAsync(definition.Id, AnalyticsGrain.Total, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, cancellationToken))
            .Where(b => version is null || b.Version == version);

        var current = Sum(buckets.Where(b => b.Start >= from));
        var previous = Sum(buckets.Where(b => b.Start < from));
        var report = JourneyReports.Build(definition, version, current, Sum(totals), previous);
        var series = interval is null
            ? []
            : buckets.Where(b => b.Start >= from)
                .GroupBy(b => interval == "day" ? AnalyticsBucket.DayOf(b.Start) : b.Start)
                .OrderBy(g => g.Key)
                .Select(g => Point(definition, g.Key, Sum(g)))
                .ToList();
        var analytics = new JourneyAnalytics(definition.Id, version, from, window.To, grain == AnalyticsGrain.Hour ? "hour" : "day", report, series);
        return (analytics, report, previous);
    }

    private static AnalyticsPoint Point(JourneyDefinition definition, DateTimeOffset start, AnalyticsCounters counters)
    {
        var score = JourneyReports.Score(definition, counters);
        return new AnalyticsPoint(start, counters[CounterNames.Started], counters[CounterNames.Ended], counters[CounterNames.EndedAs("success")], score.Goal, score.Score);
    }

    private static DateTimeOffset Floor(AnalyticsGrain grain, DateTimeOffset at) => grain == AnalyticsGrain.Hour ? AnalyticsBucket.HourOf(at) : AnalyticsBucket.DayOf(at);

    private static AnalyticsCounters Sum(IEnumerable<AnalyticsBucket> buckets)
    {
        var sum = new AnalyticsCounters();
        foreach (var bucket in buckets)
        {
            sum.Add(bucket.Counters);
        }

        return sum;
    }

    private async Task<JourneyDefinition?> DefinitionOfAsync(string journeyId, int? version, CancellationToken cancellationToken)
    {
        if (version is { } number)
        {
            return await catalog.GetAsync(journeyId, number, cancellationToken);
        }

        var latest = (await definitions.ListActiveAsync(cancellationToken)).FirstOrDefault(d => d.JourneyId == journeyId);
        return latest is null ? null : await catalog.GetAsync(journeyId, latest.Version, cancellationToken);
    }
}
