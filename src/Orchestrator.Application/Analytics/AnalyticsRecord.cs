namespace Orchestrator.Application.Analytics;

/// <summary>
/// The analytics of one customer commit, written in that same atomic commit (the analytics outbox) and folded into
/// the journeys' buckets off the touchpoint path. Its id, customer and timeline sequence, is unique and stable, so a
/// fold can tell whether it took it before.
/// </summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Sequence">The commit's timeline sequence.</param>
/// <param name="At">Engine time of the commit: the time bucket it counts in.</param>
/// <param name="Parts">One part per journey version the input touched.</param>
public sealed record AnalyticsRecord(string CustomerId, long Sequence, DateTimeOffset At, IReadOnlyList<AnalyticsPart> Parts)
{
    /// <summary>The record's id: customer and sequence.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Id => $"{CustomerId}/{Sequence}";
}
