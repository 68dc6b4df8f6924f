namespace Orchestrator.Journeys.Analytics;

/// <summary>A journey's totals over a window.</summary>
/// <param name="Started">Instances started.</param>
/// <param name="Refused">Entries refused by reason (<c>reentry</c>, <c>cooldown</c>, <c>suppressed</c>, <c>filter</c>).</param>
/// <param name="Ended">Instances ended, by outcome.</param>
/// <param name="EndedTotal">Instances ended, any outcome.</param>
/// <param name="GoalReached">Ended instances that had reached the goal.</param>
/// <param name="GoalRate">GoalReached ÷ EndedTotal; null with nothing ended.</param>
/// <param name="TimeToGoalSeconds">Time to goal p50 and p90 in seconds, from the histogram.</param>
/// <param name="Sent">Actions sent by channel.</param>
/// <param name="Withheld">Actions withheld by <c>{channel}:{verdict}</c>.</param>
public sealed record JourneyTotals(
    long Started,
    IReadOnlyDictionary<string, long> Refused,
    IReadOnlyDictionary<string, long> Ended,
    long EndedTotal,
    long GoalReached,
    double? GoalRate,
    IReadOnlyDictionary<string, double> TimeToGoalSeconds,
    IReadOnlyDictionary<string, long> Sent,
    IReadOnlyDictionary<string, long> Withheld);
