using Orchestrator.Journeys.Customers;

namespace Orchestrator.Application.Rules;

/// <summary>An action about to be sent, with what the rules need to know of its journey and customer.</summary>
/// <param name="Channel">Channel, or the first to try when there are <see cref="Alternatives"/>.</param>
/// <param name="JourneyId">Sending journey.</param>
/// <param name="Category">Its category.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="SuppressWhileActive">Journeys whose active instances suppress this journey's sends.</param>
/// <param name="TimeZone">The customer's time zone id, when known.</param>
public sealed record SendRequest(
    string Channel,
    string JourneyId,
    string? Category,
    int Priority,
    IReadOnlyList<string> SuppressWhileActive,
    string? TimeZone)
{
    /// <summary>Channels to try after <see cref="Channel"/>, in order.</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    /// <summary>The customer's consent by channel, as read in the same transaction; a channel not listed is unknown.</summary>
    public IReadOnlyDictionary<string, ChannelConsent> Consent { get; init; } = new Dictionary<string, ChannelConsent>();
}
