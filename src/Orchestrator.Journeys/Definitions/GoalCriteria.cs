using Orchestrator.Journeys.Conditions;

namespace Orchestrator.Journeys.Definitions;

/// <summary>The journey's goal: the event that means the customer got there.</summary>
/// <param name="Event">The touchpoint type.</param>
/// <param name="When">Optional condition on that touchpoint.</param>
/// <param name="Within">The goal only counts when reached within this time of the instance's start.</param>
/// <param name="ExitOnGoal">Whether reaching the goal ends the instance with outcome <c>success</c>.</param>
public sealed record GoalCriteria(string Event, Condition? When, TimeSpan? Within, bool ExitOnGoal)
    : EventCriteria(Event, When);
