namespace Orchestrator.Application.Rules;

/// <summary>At most <paramref name="Max"/> sends per customer per <paramref name="Per"/>, across all journeys.</summary>
/// <param name="Channel">The channel capped, or <c>*</c> for every channel together.</param>
/// <param name="Category">The journey category capped, or <c>*</c> for every category.</param>
/// <param name="Max">Most sends allowed in the period.</param>
/// <param name="Per">The sliding period.</param>
public sealed record FrequencyCap(string Channel, string Category, int Max, TimeSpan Per)
{
    /// <summary>Matches any channel or category.</summary>
    public const string Any = "*";

    /// <summary>Whether a send on a channel for a category counts against this cap.</summary>
    /// <param name="channel">The send's channel.</param>
    /// <param name="category">The sending journey's category.</param>
    /// <returns>True when it counts.</returns>
    public bool Covers(string channel, string? category) =>
        (Channel == Any || Channel == channel) && (Category == Any || Category == category);
}
