using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Parsing;

/// <summary>Reads the event criteria of a journey: <c>entry</c>, <c>goal</c> and <c>exit</c>.</summary>
internal static class CriteriaReader
{
    private static readonly KeyValuePair<string, ReentryPolicy>[] ReentryNames =
    [
        new("never", ReentryPolicy.Never),
        new("afterExit", ReentryPolicy.AfterExit),
        new("always", ReentryPolicy.Always),
    ];

    /// <summary>Reads the required <c>entry</c> object.</summary>
    /// <param name="journey">The journey object.</param>
    /// <returns>The criteria, or null when they are missing or invalid.</returns>
    public static EntryCriteria? ReadEntry(JsonObjectReader journey)
    {
        if (journey.Object("entry", required: true) is not { } entry)
        {
            return null;
        }

        var eventType = entry.RequiredText("event");
        var when = ConditionReader.Optional(entry, "when");
        var reentry = entry.Choice("reentry", ReentryNames, required: false) ?? ReentryPolicy.AfterExit;
        var cooldown = entry.OptionalDuration("cooldown");
        entry.Complete();
        return eventType is null ? null : new EntryCriteria(eventType, when, reentry, cooldown);
    }

    /// <summary>Reads the optional <c>goal</c> object.</summary>
    /// <param name="journey">The journey object.</param>
    /// <returns>The criteria, or null when they are absent or invalid.</returns>
    public static GoalCriteria? ReadGoal(JsonObjectReader journey)
    {
        if (journey.Object("goal", required: false) is not { } goal)
        {
            return null;
        }

        var eventType = goal.RequiredText("event");
        var when = ConditionReader.Optional(goal, "when");
        var within = goal.OptionalDuration("within");
        var exitOnGoal = goal.OptionalBoolean("exitOnGoal") ?? true;
        goal.Complete();
        return eventType is null ? null : new GoalCriteria(eventType, when, within, exitOnGoal);
    }

    /// <summary>Reads the optional <c>exit</c> array.</summary>
    /// <param name="journey">The journey object.</param>
    /// <returns>The criteria; empty when there are none or they are invalid.</returns>
    public static IReadOnlyList<EventCriteria> ReadExit(JsonObjectReader journey)
    {
        var criteria = journey.ReadObjects("exit", required: false, exit =>
        {
            var eventType = exit.RequiredText("event");
            var when = ConditionReader.Optional(exit, "when");
            return eventType is null ? null : new EventCriteria(eventType, when);
        });
        return criteria ?? [];
    }
}
