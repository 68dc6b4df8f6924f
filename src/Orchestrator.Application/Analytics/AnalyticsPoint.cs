namespace Orchestrator.Application.Analytics;

/// <summary>One interval of a journey's series.</summary>
/// <param name="Start">When the interval starts.</param>
/// <param name="Started">Instances started.</param>
/// <param name="Ended">Instances ended.</param>
/// <param name="Succeeded">Instances ended in success.</param>
/// <param name="GoalRate">Goal rate of the instances ended.</param>
/// <param name="Score">The success score of the instances ended.</param>
public sealed record AnalyticsPoint(DateTimeOffset Start, long Started, long Ended, long Succeeded, double? GoalRate, double? Score);
