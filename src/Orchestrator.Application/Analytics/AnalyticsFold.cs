using Orchestrator.Journeys.Analytics;

namespace Orchestrator.Application.Analytics;

/// <summary>One record's part for one journey, as a fold takes it.</summary>
/// <param name="RecordId">The <see cref="AnalyticsRecord.Id"/>: a fold takes each record's part of a journey at most once.</param>
/// <param name="At">The time bucket.</param>
/// <param name="Version">The journey version.</param>
/// <param name="Counters">The counts.</param>
public sealed record AnalyticsFold(string RecordId, DateTimeOffset At, int Version, AnalyticsCounters Counters)
{
    /// <summary>
    /// When the fold happens, by the wall clock: the age of its mark, which is pruned only long after any copy of the
    /// record can still be waiting in an outbox. <see cref="At"/> when not set.
    /// </summary>
    public DateTimeOffset? MarkedAt { get; init; }
}
