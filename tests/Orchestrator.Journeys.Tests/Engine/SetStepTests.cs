using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Engine;

public class SetStepTests
{
    [Fact]
    public void Set_TwoSteps_MergesVarsAndRendersAgainstThePreviousVars()
    {
        var definition = new JourneyBuilder()
            .Set("first", """{"a":1,"b":"x","obj":{"k":[1,2]}}""", "second")
            .Set("second", """{"a":"{{vars.b}}","c":"{{vars.a}}","d":"{{trigger.data.amount}}","e":"a={{vars.a}}"}""", "end")
            .End("end")
            .Build();

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0, """{"amount":9.5}"""), Clock.T0);

        Assert.Equal("""{"b":"x","obj":{"k":[1,2]},"a":"x","c":1,"d":9.5,"e":"a=1"}""", Json.Compact(transition.State.Vars!.Value));
    }

    [Fact]
    public void Set_ThenSend_SendReadsTheNewVars()
    {
        var definition = new JourneyBuilder()
            .Set("count", """{"n":1}""", "bump")
            .Set("bump", """{"previous":"{{vars.n}}","n":2}""", "send")
            .Send("send", "web", "show", "end", data: """{"n":"{{vars.n}}","previous":"{{vars.previous}}"}""")
            .End("end")
            .Build();

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0), Clock.T0);

        Assert.Equal("""{"n":2,"previous":1}""", Json.Compact(transition.Commands.OfType<SendAction>().Single().Data!.Value));
    }

    [Fact]
    public void Set_RecordsVarsSetWithTheAssignedNames()
    {
        var definition = new JourneyBuilder().Set("s", """{"x":1,"y":"{{customer.id}}"}""", "end").End("end").Build();

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0), Clock.T0);

        var decision = Assert.Single(transition.Decisions, d => d.Kind == DecisionKind.VarsSet);
        Assert.Equal(("s", "end", "x,y"), (decision.Step, decision.Next, decision.Detail));
    }

    [Fact]
    public void Set_ValueRenderedAsNull_ReadsAsMissing()
    {
        var definition = new JourneyBuilder()
            .Set("s", """{"x":"{{event.data.nothing}}"}""", "route")
            .Branch("route", "missing", JourneyBuilder.Case(Cond.Field("vars.x", ConditionOperator.Exists), "present"))
            .End("present")
            .End("missing")
            .Build();

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0), Clock.T0);

        Assert.Equal("missing", transition.State.CurrentStep);
    }

    [Fact]
    public void Set_MissingField_StoresNull()
    {
        var definition = new JourneyBuilder().Set("s", """{"x":"{{event.data.nothing}}"}""", "end").End("end").Build();

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0), Clock.T0);

        Assert.Equal("""{"x":null}""", Json.Compact(transition.State.Vars!.Value));
    }
}
