namespace Orchestrator.Application.Analytics;

/// <summary>One journey's place in the ranking of journeys to fix first.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Name">Its name.</param>
/// <param name="Volume">Instances ended in the window.</param>
/// <param name="Score">Success score in the window.</param>
/// <param name="Target">Target score.</param>
/// <param name="PreviousScore">Score in the previous window.</param>
/// <param name="Trend">Score minus the previous score.</param>
/// <param name="Noise">The change in score that noise alone could make (see <c>docs/analytics.md</c>).</param>
/// <param name="Opportunity">Volume × (target − score) ÷ 100, at least 0: instances a fix could turn.</param>
/// <param name="BelowTarget">Whether the score is below target.</param>
/// <param name="Falling">Whether the score fell by more than the noise.</param>
public sealed record JourneyRank(
    string JourneyId,
    string Name,
    long Volume,
    double? Score,
    double Target,
    double? PreviousScore,
    double? Trend,
    double? Noise,
    double Opportunity,
    bool BelowTarget,
    bool Falling)
{
    /// <summary>Whether the journey is an under-performer: below target or falling.</summary>
    public bool UnderPerforming => BelowTarget || Falling;
}
