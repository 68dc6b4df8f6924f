namespace Orchestrator.Journeys.Analytics;

/// <summary>
/// A journey's <c>score</c> block: how its success score weighs its measured parts, and the targets it is held to.
/// Every weight is non-negative and at least one is positive; parts with no data leave the weighting.
/// </summary>
/// <param name="GoalWeight">Weight of the goal rate.</param>
/// <param name="SpeedWeight">Weight of the share of goals reached within <paramref name="SpeedTarget"/>.</param>
/// <param name="EffortWeight">Weight of the effort part.</param>
/// <param name="SurveyWeight">Weight of the survey part.</param>
/// <param name="Target">The score (0–100) the journey should reach; below it, the journey is an under-performer.</param>
/// <param name="SpeedTarget">Time to goal that counts as fast; the goal's <c>within</c> when not set.</param>
/// <param name="EffortTarget">Effort per success (contacts + channel switches + assisted contacts) that scores full marks.</param>
/// <param name="Survey">The survey answer, if the score reads one.</param>
/// <param name="AssistedChannels">Channels where a person serves the customer.</param>
public sealed record ScoreSettings(
    double GoalWeight,
    double SpeedWeight,
    double EffortWeight,
    double SurveyWeight,
    double Target,
    TimeSpan? SpeedTarget,
    double EffortTarget,
    SurveySignal? Survey,
    IReadOnlyList<string> AssistedChannels)
{
    /// <summary>The settings of a journey without a <c>score</c> block.</summary>
    public static ScoreSettings Default { get; } = new(0.5, 0.2, 0.2, 0.1, 70, null, 3, null, ["contact-center"]);

    /// <summary>Whether a channel is an assisted one.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>True when a person serves the customer there.</returns>
    public bool IsAssisted(string channel) => AssistedChannels.Contains(channel, StringComparer.Ordinal);
}
