using System.Text.Json;
using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Templates;

namespace Orchestrator.Cli.Tests.Diagrams;

/// <summary>Definitions built from model objects, so diagram tests do not depend on the reader.</summary>
public static class DiagramJourneys
{
    /// <summary>One step of every type, a step called <c>end</c>, and goal, exit and max duration.</summary>
    public static JourneyDefinition EveryStepType() => Create(
        "welcome",
        [
            new SendStep("welcome", "email", "welcome", null, "cool-off"),
            new DelayStep("cool-off", new FixedDelay(TimeSpan.FromDays(2)), "call-window"),
            new DelayStep(
                "call-window",
                new WindowOpening(new TimeWindow(new TimeOnly(9, 0), new TimeOnly(18, 0), [DayOfWeek.Monday, DayOfWeek.Friday], null, FieldPath.Parse("trigger.data.timeZone"))),
                "renew-date"),
            new DelayStep("renew-date", new InstantFromField(FieldPath.Parse("trigger.data.renewAt")), "wait-reply"),
            new WaitForStep(
                "wait-reply",
                [
                    new WaitForEvent("email.clicked", Field("event.data.link", ConditionOperator.Eq, "\"offer\""), "assign"),
                    new WaitForEvent("email.bounced", null, "end"),
                ],
                TimeSpan.FromDays(3),
                "end"),
            new SplitStep("assign", [new SplitBranch(10, "end", "holdout"), new SplitBranch(90, "pick", null)]),
            new BranchStep("pick", [new BranchCase(Field("trigger.data.tier", ConditionOperator.In, """["gold", "platinum"]"""), "tag")], "end"),
            new SetStep("tag", new Dictionary<string, JsonTemplate> { ["tier"] = Template("\"{{trigger.data.tier}}\"") }, "end"),
            new EndStep("end", JourneyOutcome.Success, "done"),
        ],
        goal: new GoalCriteria("offer.accepted", null, TimeSpan.FromDays(14), ExitOnGoal: true),
        exit: [new EventCriteria("account.closed", null)],
        maxDuration: TimeSpan.FromDays(30));

    public static JourneyDefinition Create(
        string start,
        IEnumerable<JourneyStep> steps,
        GoalCriteria? goal = null,
        IReadOnlyList<EventCriteria>? exit = null,
        TimeSpan? maxDuration = null) =>
        new(
            "diagram-test",
            "Diagram test",
            null,
            0,
            new EntryCriteria("customer.signed-up", null, ReentryPolicy.AfterExit, null),
            goal,
            exit ?? [],
            [],
            maxDuration,
            start,
            steps.ToDictionary(s => s.Id, StringComparer.Ordinal));

    public static FieldCondition Field(string path, ConditionOperator op, string valueJson) =>
        new(FieldPath.Parse(path), op, JsonDocument.Parse(valueJson).RootElement.Clone());

    private static JsonTemplate Template(string json)
    {
        var errors = new List<DefinitionError>();
        var template = JsonTemplate.Compile(JsonDocument.Parse(json).RootElement, "/vars/tier", errors);
        Assert.Empty(errors);
        return template;
    }
}
