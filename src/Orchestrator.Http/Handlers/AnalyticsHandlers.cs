using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Application.Analytics;

namespace Orchestrator.Http.Handlers;

/// <summary>
/// Journey analytics over HTTP: one journey's figures, and the ranking of journeys to fix first. Both read
/// pre-aggregated buckets only; every host maps its routes to these handlers.
/// </summary>
public static class AnalyticsHandlers
{
    /// <summary>Reads one journey's figures.</summary>
    /// <param name="id">The journey.</param>
    /// <param name="window"><c>1h</c>, <c>24h</c>, <c>7d</c>, <c>30d</c>… ending now (7d when nothing is given).</param>
    /// <param name="from">Start of an explicit window, instead of <paramref name="window"/>.</param>
    /// <param name="to">End of an explicit window; now when not given.</param>
    /// <param name="version">One version; all when not given.</param>
    /// <param name="interval"><c>hour</c> or <c>day</c> for a series.</param>
    /// <param name="queries">The analytics queries.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 with the figures; 400 for a bad window or interval; 404 for a journey or version not deployed.</returns>
    public static async Task<Results<Ok<JourneyAnalytics>, ProblemHttpResult>> GetJourneyAsync(
        string id,
        string? window,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? version,
        string? interval,
        AnalyticsQueries queries,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (!AnalyticsWindow.TryParse(window, from, to, queries.Now, out var range, out var error))
        {
            return Invalid(error!);
        }

        if (interval is not (null or "hour" or "day"))
        {
            return Invalid($"interval '{interval}' is not one of: hour, day");
        }

        var figures = await queries.GetAsync(id, version, range!, interval, cancellationToken);
        return figures is null
            ? Problems.NotFound(version is { } v ? $"Journey '{id}' has no version {v}." : $"Journey '{id}' is not deployed.")
            : TypedResults.Ok(figures);
    }

    /// <summary>Ranks every deployed journey by opportunity, flagging under-performers.</summary>
    /// <param name="window">The window, as for one journey.</param>
    /// <param name="from">Start of an explicit window.</param>
    /// <param name="to">End of an explicit window.</param>
    /// <param name="queries">The analytics queries.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 with the ranking; 400 for a bad window.</returns>
    public static async Task<Results<Ok<IReadOnlyList<JourneyRank>>, ProblemHttpResult>> RankAsync(
        string? window,
        DateTimeOffset? from,
        DateTimeOffset? to,
        AnalyticsQueries queries,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (!AnalyticsWindow.TryParse(window, from, to, queries.Now, out var range, out var error))
        {
            return Invalid(error!);
        }

        return TypedResults.Ok(await queries.RankAsync(range!, cancellationToken));
    }

    private static ProblemHttpResult Invalid(string error) =>
        Problems.Invalid("Invalid analytics query", error, [error]);
}
