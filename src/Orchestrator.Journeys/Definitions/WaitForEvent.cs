using Orchestrator.Journeys.Conditions;

namespace Orchestrator.Journeys.Definitions;

/// <summary>One event a <see cref="WaitForStep"/> waits for.</summary>
/// <param name="Event">Touchpoint type.</param>
/// <param name="When">Optional filter on the touchpoint.</param>
/// <param name="Next">The step taken when it arrives.</param>
public sealed record WaitForEvent(string Event, Condition? When, string Next) : EventCriteria(Event, When);
