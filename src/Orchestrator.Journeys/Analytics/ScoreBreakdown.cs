namespace Orchestrator.Journeys.Analytics;

/// <summary>A journey's success score and the measured parts it is built from (each 0–1, null without data).</summary>
/// <param name="Score">0–100; null with nothing ended.</param>
/// <param name="Goal">Goal rate.</param>
/// <param name="Speed">Share of goals reached within the speed target.</param>
/// <param name="Effort">min(1, effort target ÷ effort per success).</param>
/// <param name="EffortPerSuccess">(contacts + channel switches + assisted contacts) ÷ successes.</param>
/// <param name="Survey">Mean survey answer, rescaled from the survey's scale to 0–1.</param>
/// <param name="Target">The score the journey should reach.</param>
public sealed record ScoreBreakdown(
    double? Score,
    double? Goal,
    double? Speed,
    double? Effort,
    double? EffortPerSuccess,
    double? Survey,
    double Target);
