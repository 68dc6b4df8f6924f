using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;
using static Orchestrator.Journeys.Tests.Support.JourneyBuilder;

namespace Orchestrator.Journeys.Tests.Engine;

public class GoalAndExitTests
{
    [Fact]
    public void Apply_GoalEvent_CompletesSuccessWithReasonGoal()
    {
        var driver = Started(SampleJourneys.BillPayment, "invoice.issued", """{"amount":10}""");

        var transition = driver.Touch("payment.completed", Clock.Day(2));

        Assert.Equal((JourneyOutcome.Success, "goal"), (transition.State.Outcome, transition.State.Reason));
        Assert.Equal([new CompleteJourney(JourneyOutcome.Success, "goal")], transition.Commands);
        Assert.Equal(
            [(DecisionKind.GoalReached, "wait-pay", "payment.completed"), (DecisionKind.Completed, "wait-pay", "success")],
            transition.Decisions.Select(d => (d.Kind, d.Step, d.Detail)));
        Assert.Equal(Clock.Day(2), transition.State.GoalReachedAt);
        Assert.Equal("payment.completed", transition.State.LastEvent?.Type);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(29.5, true)]
    [InlineData(30, true)]
    [InlineData(30.0001, false)]
    public void Apply_GoalWithin_CountsOnlyUntilStartPlusWithin(double day, bool counts)
    {
        var definition = new JourneyBuilder()
            .Goal("paid", within: TimeSpan.FromDays(30))
            .WaitFor("wait", null, null, On("paid", "late"))
            .End("late", JourneyOutcome.Neutral, "paid-late")
            .Build();
        var driver = Started(definition);

        var transition = driver.Touch("paid", Clock.Day(day));

        Assert.Equal(counts ? "goal" : "paid-late", transition.State.Reason);
        Assert.Equal(counts, transition.Decisions.Any(d => d.Kind == DecisionKind.GoalReached));
        Assert.Equal(counts ? Clock.Day(day) : null, transition.State.GoalReachedAt);
    }

    [Fact]
    public void Apply_BillPaymentPaidAfterThirtyDays_EndsThroughTheWaitForInstead()
    {
        var driver = Started(SampleJourneys.BillPayment, "invoice.issued", """{"amount":10}""");

        var transition = driver.Touch("payment.completed", Clock.Day(31));

        Assert.Equal((JourneyOutcome.Success, (string?)null), (transition.State.Outcome, transition.State.Reason));
        Assert.Equal("thanks", transition.State.CurrentStep);
        Assert.Contains(transition.Decisions, d => d is { Kind: DecisionKind.EventMatched, Next: "thanks" });
        Assert.DoesNotContain(transition.Decisions, d => d.Kind == DecisionKind.GoalReached);
    }

    [Theory]
    [InlineData("""{"status":"ok"}""", true)]
    [InlineData("""{"status":"pending"}""", false)]
    [InlineData(null, false)]
    public void Apply_GoalWithCondition_CountsOnlyWhenItHolds(string? data, bool counts)
    {
        var definition = new JourneyBuilder()
            .Goal("paid", Cond.Field("event.data.status", ConditionOperator.Eq, "\"ok\""))
            .WaitFor("wait", null, null, On("other", "end"))
            .End("end")
            .Build();
        var driver = Started(definition);

        var transition = driver.Touch("paid", Clock.Day(1), data);

        Assert.Equal(counts ? JourneyStatus.Completed : JourneyStatus.Running, transition.State.Status);
        if (counts)
        {
            Assert.Equal(new Dictionary<string, string> { ["event.data.status"] = "\"ok\"" }, transition.Decisions[0].Values);
        }
        else
        {
            Assert.Empty(transition.Decisions);
        }
    }

    [Fact]
    public void Apply_GoalWithoutExitOnGoal_RecordsGoalThenOffersTheEventToTheWaitFor()
    {
        var definition = new JourneyBuilder()
            .Goal("paid", exitOnGoal: false)
            .WaitFor("wait", null, null, On("paid", "thanks"))
            .Send("thanks", "email", "thank-you", "wait-more")
            .WaitFor("wait-more", null, null, On("paid", "again"))
            .End("again", JourneyOutcome.Neutral)
            .Build();
        var driver = Started(definition);

        var first = driver.Touch("paid", Clock.Day(1));

        Assert.Equal(JourneyStatus.Running, first.State.Status);
        Assert.Equal(Clock.Day(1), first.State.GoalReachedAt);
        Assert.Equal(
            [DecisionKind.GoalReached, DecisionKind.EventMatched, DecisionKind.StepEntered, DecisionKind.ActionRequested, DecisionKind.StepEntered],
            first.Decisions.Select(d => d.Kind));
        Assert.Equal(["email/thank-you"], first.Commands.OfType<SendAction>().Select(a => $"{a.Channel}/{a.Action}"));
        Assert.DoesNotContain(first.State.Awaiting, a => a.Purpose == AwaitPurpose.Goal);

        var second = driver.Touch("paid", Clock.Day(2));

        Assert.DoesNotContain(second.Decisions, d => d.Kind == DecisionKind.GoalReached);
        Assert.Equal(Clock.Day(1), second.State.GoalReachedAt);
        Assert.Equal(JourneyOutcome.Neutral, second.State.Outcome);
    }

    [Fact]
    public void Apply_GoalKeptRunningThenTimer_StepsReadTheGoalTouchpointAsEvent()
    {
        var definition = new JourneyBuilder()
            .Goal("paid", exitOnGoal: false)
            .Delay("pause", TimeSpan.FromDays(1), "tell")
            .Send("tell", "email", "receipt", "end", data: """{"type":"{{event.type}}","amount":"{{event.data.amount}}"}""")
            .End("end")
            .Build();
        var driver = Started(definition);
        driver.Touch("paid", Clock.Day(0.5), """{"amount":12}""");
        driver.Touch("ignored", Clock.Day(0.6), """{"amount":99}""");

        var transition = driver.WakeWhenDue();

        Assert.Equal("""{"type":"paid","amount":12}""", Json.Compact(transition.Commands.OfType<SendAction>().Single().Data!.Value));
    }

    [Fact]
    public void Apply_GoalWhileDelaying_CompletesTheInstance()
    {
        var definition = new JourneyBuilder()
            .Goal("paid")
            .Delay("pause", TimeSpan.FromDays(5), "end")
            .End("end", JourneyOutcome.Neutral)
            .Build();
        var driver = Started(definition);

        var transition = driver.Touch("paid", Clock.Day(1));

        Assert.Equal((JourneyOutcome.Success, "goal"), (transition.State.Outcome, transition.State.Reason));
        Assert.Equal("pause", transition.State.CurrentStep);
    }

    [Fact]
    public void Apply_ExitEvent_CompletesExitedWithTheEventTypeAsReason()
    {
        var driver = Started(SampleJourneys.BillPayment, "invoice.issued", """{"amount":10}""");

        var transition = driver.Touch("account.closed", Clock.Day(1));

        Assert.Equal((JourneyOutcome.Exited, "account.closed"), (transition.State.Outcome, transition.State.Reason));
        Assert.Equal([new CompleteJourney(JourneyOutcome.Exited, "account.closed")], transition.Commands);
        Assert.Equal(
            [(DecisionKind.Exited, "account.closed"), (DecisionKind.Completed, "exited")],
            transition.Decisions.Select(d => (d.Kind, d.Detail)));
    }

    [Theory]
    [InlineData("""{"channel":"email"}""", true)]
    [InlineData("""{"channel":"sms"}""", false)]
    public void Apply_ExitWithCondition_ExitsOnlyWhenItHoldsAndExplainsIt(string data, bool exits)
    {
        var definition = new JourneyBuilder()
            .ExitOn("unsubscribed", Cond.Field("event.data.channel", ConditionOperator.Eq, "\"email\""))
            .Delay("pause", TimeSpan.FromDays(5), "end")
            .End("end")
            .Build();
        var driver = Started(definition);
        var before = driver.State;

        var transition = driver.Touch("unsubscribed", Clock.Day(1), data);

        if (exits)
        {
            Assert.Equal(JourneyOutcome.Exited, transition.State.Outcome);
            Assert.Equal(new Dictionary<string, string> { ["event.data.channel"] = "\"email\"" }, transition.Decisions[0].Values);
        }
        else
        {
            Assert.Same(before, transition.State);
        }
    }

    [Fact]
    public void Apply_EventThatIsGoalAndExit_GoalWins()
    {
        var definition = new JourneyBuilder()
            .Goal("closed")
            .ExitOn("closed")
            .WaitFor("wait", null, null, On("closed", "end"))
            .End("end", JourneyOutcome.Neutral)
            .Build();
        var driver = Started(definition);

        var transition = driver.Touch("closed", Clock.Day(1));

        Assert.Equal(JourneyOutcome.Success, transition.State.Outcome);
        Assert.DoesNotContain(transition.Decisions, d => d.Kind is DecisionKind.Exited or DecisionKind.EventMatched);
    }

    [Fact]
    public void Apply_EventThatIsExitAndAwaited_ExitWins()
    {
        var definition = new JourneyBuilder()
            .ExitOn("closed")
            .WaitFor("wait", null, null, On("closed", "end"))
            .End("end", JourneyOutcome.Neutral)
            .Build();
        var driver = Started(definition);

        var transition = driver.Touch("closed", Clock.Day(1));

        Assert.Equal(JourneyOutcome.Exited, transition.State.Outcome);
        Assert.DoesNotContain(transition.Decisions, d => d.Kind == DecisionKind.EventMatched);
    }

    [Fact]
    public void Apply_SecondOfTwoExits_Matches()
    {
        var definition = new JourneyBuilder()
            .ExitOn("a", Cond.Field("event.data.x", ConditionOperator.Exists))
            .ExitOn("a")
            .WaitFor("wait", null, null)
            .Build();
        var driver = Started(definition);

        var transition = driver.Touch("a", Clock.Day(1));

        Assert.Equal(JourneyOutcome.Exited, transition.State.Outcome);
        Assert.Null(transition.Decisions[0].Values);
    }

    /// <summary>Candidates are tried in order; the first whose type and filter match is taken.</summary>
    [Theory]
    [InlineData("""{"amount":500}""", "big", """{"event.data.amount":"500"}""")]
    [InlineData("""{"amount":50}""", "small", null)]
    [InlineData("""{"amount":50,"currency":"EUR"}""", "euro", """{"event.data.currency":"\"EUR\""}""")]
    [InlineData("""{"amount":"500"}""", "small", null)]
    public void Apply_WaitForCandidates_FirstMatchWinsAndRecordsItsFilterValues(string data, string next, string? values)
    {
        var definition = new JourneyBuilder()
            .WaitFor(
                "wait",
                null,
                null,
                On("paid", "big", Cond.Field("event.data.amount", ConditionOperator.Gte, "100")),
                On("paid", "euro", Cond.Field("event.data.currency", ConditionOperator.Eq, "\"EUR\"")),
                On("paid", "small"),
                On("paid", "never"))
            .End("big")
            .End("euro")
            .End("small")
            .End("never")
            .Build();
        var driver = Started(definition);

        var transition = driver.Touch("paid", Clock.Day(1), data);

        var matched = transition.Decisions[0];
        Assert.Equal((DecisionKind.EventMatched, "wait", next, "paid"), (matched.Kind, matched.Step, matched.Next, matched.Detail));
        Assert.Equal(values is null ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(values), matched.Values);

        Assert.Equal(next, transition.State.CurrentStep);
    }

    private static EngineDriver Started(JourneyDefinition definition, string type = "test.entered", string? data = null)
    {
        var driver = new EngineDriver(definition);
        driver.Start(Touchpoints.Of(type, Clock.T0, data, id: "trigger-1"));
        return driver;
    }
}
