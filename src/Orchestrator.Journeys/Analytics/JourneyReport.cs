namespace Orchestrator.Journeys.Analytics;

/// <summary>A journey's analytics over a window: totals, the funnel per step, split arms, score and signals.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The version reported, or null for all versions.</param>
/// <param name="Totals">Journey totals.</param>
/// <param name="Steps">The funnel, one entry per step of the definition, in definition order.</param>
/// <param name="Arms">Split and optimize arms compared.</param>
/// <param name="Score">The success score.</param>
/// <param name="PreviousScore">The score over the previous window of the same length.</param>
/// <param name="Trend">Score minus the previous score.</param>
/// <param name="Signals">Signals, trusted ones first, then by distance of the lift from 1.</param>
public sealed record JourneyReport(
    string JourneyId,
    int? Version,
    JourneyTotals Totals,
    IReadOnlyList<StepFunnel> Steps,
    IReadOnlyList<ArmComparison> Arms,
    ScoreBreakdown Score,
    double? PreviousScore,
    double? Trend,
    IReadOnlyList<SignalLift> Signals);
