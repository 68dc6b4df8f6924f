using Orchestrator.Journeys.Analytics;

namespace Orchestrator.Application.Analytics;

/// <summary>Folded counters of one journey version over one time span.</summary>
/// <param name="Version">The version.</param>
/// <param name="Grain">The span's length.</param>
/// <param name="Start">When the span starts (<see cref="DateTimeOffset.MinValue"/> for the total).</param>
/// <param name="Counters">The counters.</param>
public sealed record AnalyticsBucket(int Version, AnalyticsGrain Grain, DateTimeOffset Start, AnalyticsCounters Counters)
{
    /// <summary>The start of the hour holding an instant.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The hour's start, UTC.</returns>
    public static DateTimeOffset HourOf(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);

    /// <summary>The start of the day holding an instant.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>Midnight UTC.</returns>
    public static DateTimeOffset DayOf(DateTimeOffset at) => new(at.UtcDateTime.Date, TimeSpan.Zero);
}
