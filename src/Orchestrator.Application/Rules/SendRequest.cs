namespace Orchestrator.Application.Rules;

/// <summary>An action about to be sent, with what the rules need to know of its journey.</summary>
/// <param name="Channel">Channel.</param>
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
    string? TimeZone);
