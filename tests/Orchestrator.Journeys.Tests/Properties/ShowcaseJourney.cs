using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Tests.Support;
using static Orchestrator.Journeys.Conditions.ConditionOperator;
using static Orchestrator.Journeys.Tests.Support.JourneyBuilder;

namespace Orchestrator.Journeys.Tests.Properties;

/// <summary>
/// A journey using every step type, variables, a goal that keeps the instance running, a conditional
/// exit and all three kinds of delay, so generated runs exercise state with vars and event data.
/// </summary>
internal static class ShowcaseJourney
{
    public static JourneyDefinition Definition { get; } = new JourneyBuilder("showcase")
        .EntersOn("signup")
        .Goal("converted", Cond.Field("event.data.value", Gt, "100"), within: TimeSpan.FromDays(20), exitOnGoal: false)
        .ExitOn("optout", Cond.Field("event.data.all", Eq, "true"))
        .MaxDuration(TimeSpan.FromDays(30))
        .Set("remember", """{"tz":"{{trigger.data.tz}}","plan":"{{trigger.data.plan}}","seen":0}""", "ab")
        .Split("ab", Weighted(50, "email-path", "email"), Weighted(50, "sms-path", "sms"), Weighted(0, "never"))
        .Send("email-path", "email", "welcome", "office", data: """{"plan":"{{vars.plan}}","nested":[{"tz":"{{vars.tz}}"}]}""")
        .Send("sms-path", "sms", "welcome", "office")
        .DelayWindow("office", new TimeWindow(new TimeOnly(9, 0), new TimeOnly(18, 0), [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], null, FieldPath.Parse("vars.tz")), "wait")
        .WaitFor(
            "wait",
            TimeSpan.FromDays(2),
            "nudge",
            On("clicked", "note-click", Cond.Field("event.data.link", StartsWith, "\"https\"")),
            On("clicked", "wait"),
            On("replied", "route"))
        .Set("note-click", """{"lastLink":"{{event.data.link}}","seen":"{{vars.plan}}"}""", "until")
        .DelayUntil("until", "event.data.followUp", "wait")
        .Branch(
            "route",
            "wait",
            Case(Cond.Field("event.data.answer", In, """["yes","y"]"""), "done-yes"),
            Case(Cond.All(Cond.Field("vars.lastLink", Exists), Cond.Field("event.data.answer", Eq, "\"maybe\"")), "nudge"))
        .Send("nudge", "sms", "nudge", "pause", data: """{"text":"Hi {{customer.id}}, plan {{vars.plan}} at {{event.time}}"}""")
        .Delay("pause", TimeSpan.FromHours(6), "wait")
        .End("done-yes", JourneyOutcome.Success, "said-yes")
        .End("never", JourneyOutcome.Failure)
        .Build();
}
