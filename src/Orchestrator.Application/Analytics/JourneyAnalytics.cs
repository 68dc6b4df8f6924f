using Orchestrator.Journeys.Analytics;

namespace Orchestrator.Application.Analytics;

/// <summary>A journey's figures over a window, as the API returns them.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The version, or null for all.</param>
/// <param name="From">Start of the window, rounded down to its grain.</param>
/// <param name="To">End of the window.</param>
/// <param name="Grain">The buckets read: <c>hour</c> or <c>day</c>.</param>
/// <param name="Report">Totals, funnel, arms, score and signals.</param>
/// <param name="Series">Per interval, when asked for; empty otherwise.</param>
public sealed record JourneyAnalytics(
    string JourneyId,
    int? Version,
    DateTimeOffset From,
    DateTimeOffset To,
    string Grain,
    JourneyReport Report,
    IReadOnlyList<AnalyticsPoint> Series);
