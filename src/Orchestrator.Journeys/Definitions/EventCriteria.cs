using Orchestrator.Journeys.Conditions;

namespace Orchestrator.Journeys.Definitions;

/// <summary>An event type with an optional filter on the touchpoint.</summary>
/// <param name="Event">The CloudEvents <c>type</c> to match.</param>
/// <param name="When">Optional condition the touchpoint must also satisfy.</param>
public record EventCriteria(string Event, Condition? When);
