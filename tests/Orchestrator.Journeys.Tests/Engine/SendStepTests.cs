using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;
using static Orchestrator.Journeys.Tests.Support.JourneyBuilder;

namespace Orchestrator.Journeys.Tests.Engine;

public class SendStepTests
{
    [Fact]
    public void Send_WithoutData_SendsNullData()
    {
        var definition = new JourneyBuilder().Send("s", "web", "banner", "end").End("end").Build();

        var send = Start(definition).Commands.OfType<SendAction>().Single();

        Assert.Null(send.Data);
        Assert.Equal(("s", "web", "banner"), (send.StepId, send.Channel, send.Action));
    }

    [Fact]
    public void Send_WithConstantData_SendsItUnchanged()
    {
        var definition = new JourneyBuilder()
            .Send("s", "web", "banner", "end", data: """{"title":"Hello","sizes":[1,2.5],"flag":true,"none":null}""")
            .End("end")
            .Build();

        var send = Start(definition).Commands.OfType<SendAction>().Single();

        Assert.Equal("""{"title":"Hello","sizes":[1,2.5],"flag":true,"none":null}""", Json.Compact(send.Data!.Value));
    }

    [Fact]
    public void Send_WithTemplates_RendersTriggerEventVarsAndIds()
    {
        var definition = new JourneyBuilder()
            .Version(3)
            .Set("vars", """{"tier":"gold"}""", "wait")
            .WaitFor("wait", null, null, On("clicked", "s"))
            .Send(
                "s",
                "email",
                "offer",
                "end",
                data: """
                {
                  "amount": "{{trigger.data.amount}}",
                  "clicked": "{{event.data.link}}",
                  "tier": "{{vars.tier}}",
                  "who": "{{customer.id}}",
                  "line": "{{journey.id}} v{{journey.version}} for {{customer.id}}",
                  "missing": "{{event.data.nothing}}"
                }
                """)
            .End("end")
            .Build();
        var driver = new EngineDriver(definition);
        driver.Start(Touchpoints.Of("test.entered", Clock.T0, """{"amount":12}"""));

        var transition = driver.Touch("clicked", Clock.Day(1), """{"link":"https://x.test/a"}""");

        var send = transition.Commands.OfType<SendAction>().Single();
        Assert.Equal(
            """{"amount":12,"clicked":"https://x.test/a","tier":"gold","who":"cust-1","line":"test-journey v3 for cust-1","missing":null}""",
            Json.Compact(send.Data!.Value));
    }

    [Fact]
    public void Send_VisitedTwice_GetsADistinctKeyPerVisit()
    {
        var definition = new JourneyBuilder()
            .Send("s", "sms", "ping", "wait")
            .WaitFor("wait", null, null, On("again", "s"))
            .Build();
        var driver = new EngineDriver(definition);
        driver.Start(Touchpoints.Of("test.entered", Clock.T0, id: "t1"));

        driver.Touch("again", Clock.Day(1));
        driver.Touch("again", Clock.Day(2));

        Assert.Equal(
            ["test-journey:cust-1:t1/s/1", "test-journey:cust-1:t1/s/3", "test-journey:cust-1:t1/s/5"],
            driver.Commands.OfType<SendAction>().Select(a => a.IdempotencyKey));
    }

    [Fact]
    public void Send_RecordsActionRequestedWithChannelAndAction()
    {
        var definition = new JourneyBuilder().Send("s", "ivr", "call", "end").End("end").Build();

        var decision = Start(definition).Decisions.Single(d => d.Kind == DecisionKind.ActionRequested);

        Assert.Equal(("s", "end", "ivr/call"), (decision.Step, decision.Next, decision.Detail));
    }

    private static JourneyTransition Start(Orchestrator.Journeys.Definitions.JourneyDefinition definition) =>
        JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0), Clock.T0);
}
