using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;
using static Orchestrator.Journeys.Tests.Support.JourneyBuilder;

namespace Orchestrator.Journeys.Tests.Engine;

public class BranchStepTests
{
    /// <summary>
    /// Cases: 0 = tier eq gold; 1 = all(amount gt 100, vars.vip exists); 2 = amount lt 0; else default.
    /// Columns: trigger data, next, detail, fields read by the deciding conditions with their raw JSON.
    /// </summary>
    public static TheoryData<string, string, string, Dictionary<string, string>> Cases => new()
    {
        {
            """{"tier":"gold","amount":500}""", "gold", "case 0",
            new() { ["trigger.data.tier"] = "\"gold\"" }
        },
        {
            """{"tier":"silver","amount":500}""", "big", "case 1",
            new() { ["trigger.data.tier"] = "\"silver\"", ["trigger.data.amount"] = "500", ["vars.vip"] = "true" }
        },
        {
            """{"tier":"silver","amount":50}""", "other", "default",
            new() { ["trigger.data.tier"] = "\"silver\"", ["trigger.data.amount"] = "50" }
        },
        {
            """{"amount":1.5e3}""", "big", "case 1",
            new() { ["trigger.data.tier"] = "null", ["trigger.data.amount"] = "1.5e3", ["vars.vip"] = "true" }
        },
        {
            """{}""", "other", "default",
            new() { ["trigger.data.tier"] = "null", ["trigger.data.amount"] = "null" }
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Branch_TakesTheFirstTrueCaseElseDefault_AndExplainsTheDecision(string data, string next, string detail, Dictionary<string, string> values)
    {
        var definition = new JourneyBuilder()
            .Set("vars", """{"vip":true}""", "route")
            .Branch(
                "route",
                "other",
                Case(Cond.Field("trigger.data.tier", ConditionOperator.Eq, "\"gold\""), "gold"),
                Case(Cond.All(Cond.Field("trigger.data.amount", ConditionOperator.Gt, "100"), Cond.Field("vars.vip", ConditionOperator.Exists)), "big"),
                Case(Cond.Field("trigger.data.amount", ConditionOperator.Lt, "0"), "negative"))
            .End("gold")
            .End("big")
            .End("other", JourneyOutcome.Neutral)
            .End("negative")
            .Build();

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0, data), Clock.T0);

        var decision = Assert.Single(transition.Decisions, d => d.Kind == DecisionKind.BranchTaken);
        Assert.Equal(("route", next, detail), (decision.Step, decision.Next, decision.Detail));
        Assert.Equal(values, decision.Values);
        Assert.Equal(next, transition.State.CurrentStep);
    }

    [Fact]
    public void Branch_WithNoCases_TakesTheDefaultWithNoValues()
    {
        var definition = new JourneyBuilder().Branch("route", "end").End("end").Build();

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0), Clock.T0);

        var decision = Assert.Single(transition.Decisions, d => d.Kind == DecisionKind.BranchTaken);
        Assert.Equal(("end", "default"), (decision.Next, decision.Detail));
        Assert.Empty(decision.Values!);
    }

    [Fact]
    public void Branch_AfterATimer_ReadsTheLastTouchpointThatAdvancedTheInstance()
    {
        var definition = new JourneyBuilder()
            .WaitFor("wait", null, null, On("answered", "pause"))
            .Delay("pause", TimeSpan.FromHours(1), "route")
            .Branch("route", "no", Case(Cond.Field("event.data.answer", ConditionOperator.Eq, "\"yes\""), "yes"))
            .End("yes")
            .End("no", JourneyOutcome.Neutral)
            .Build();
        var driver = new EngineDriver(definition);
        driver.Start(Touchpoints.Of("test.entered", Clock.T0, """{"answer":"no"}"""));
        driver.Touch("answered", Clock.Day(1), """{"answer":"yes"}""");
        driver.Touch("unrelated", Clock.Day(1).AddMinutes(30), """{"answer":"no"}""");

        var transition = driver.WakeWhenDue();

        Assert.Equal("yes", transition.State.CurrentStep);
        Assert.Equal("answered", transition.State.LastEvent?.Type);
    }
}
