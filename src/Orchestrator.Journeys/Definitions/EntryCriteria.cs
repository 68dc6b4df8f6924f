using Orchestrator.Journeys.Conditions;

namespace Orchestrator.Journeys.Definitions;

/// <summary>When a customer enters a journey.</summary>
/// <param name="Event">The touchpoint type that starts an instance.</param>
/// <param name="When">Optional condition on that touchpoint.</param>
/// <param name="Reentry">Whether a customer may enter again.</param>
/// <param name="Cooldown">Minimum time between two entries of the same customer.</param>
public sealed record EntryCriteria(string Event, Condition? When, ReentryPolicy Reentry, TimeSpan? Cooldown)
    : EventCriteria(Event, When);
