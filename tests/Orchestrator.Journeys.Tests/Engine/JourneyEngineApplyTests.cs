using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Engine;

public class JourneyEngineApplyTests
{
    public static TheoryData<string> InputKinds => ["touchpoint", "goal-touchpoint", "wake-up", "stop"];

    /// <summary>
    /// Bill payment from <c>wait-pay</c>: one touchpoint, where it leads.
    /// Columns: type, data, step after, actions sent, outcome (null while running).
    /// </summary>
    public static TheoryData<string, string?, string?, string[], JourneyOutcome?> BillPaymentTransitions => new()
    {
        { "payment.completed", null, "wait-pay", [], JourneyOutcome.Success },
        { "payment.failed", """{"reason":"card-expired"}""", "wait-pay", ["mobile/update-card"], null },
        { "payment.failed", """{"reason":"insufficient-funds"}""", "wait-pay", ["contact-center/call-back"], null },
        { "payment.failed", """{"reason":"Card-Expired"}""", "wait-pay", ["contact-center/call-back"], null },
        { "payment.failed", null, "wait-pay", ["contact-center/call-back"], null },
        { "account.closed", null, "wait-pay", [], JourneyOutcome.Exited },
    };

    [Theory]
    [MemberData(nameof(BillPaymentTransitions))]
    public void Apply_BillPaymentAtWaitPay_FollowsTheTransitionTable(string type, string? data, string? stepAfter, string[] actions, JourneyOutcome? outcome)
    {
        var driver = StartedBillPayment();

        var transition = driver.Touch(type, Clock.Day(1), data);

        Assert.Equal(stepAfter, transition.State.CurrentStep);
        Assert.Equal(actions, transition.Commands.OfType<SendAction>().Select(a => $"{a.Channel}/{a.Action}"));
        Assert.Equal(outcome, transition.State.Outcome);
        Assert.Equal(outcome is null ? JourneyStatus.Running : JourneyStatus.Completed, transition.State.Status);
        Assert.Equal(Clock.Day(1), transition.State.UpdatedAt);
    }

    [Fact]
    public void Apply_PaymentFailedCardExpired_RecordsEventMatchedBranchAndSend()
    {
        var driver = StartedBillPayment();

        var transition = driver.Touch("payment.failed", Clock.Day(1), """{"reason":"card-expired"}""");

        Assert.Equal(
            [
                (DecisionKind.EventMatched, "wait-pay", "help", "payment.failed"),
                (DecisionKind.StepEntered, "help", null, null),
                (DecisionKind.BranchTaken, "help", "card", "case 0"),
                (DecisionKind.StepEntered, "card", null, null),
                (DecisionKind.ActionRequested, "card", "wait-pay", "mobile/update-card"),
                (DecisionKind.StepEntered, "wait-pay", null, null),
            ],
            transition.Decisions.Select(d => (d.Kind, d.Step, d.Next, d.Detail)));
        Assert.Equal(new Dictionary<string, string> { ["event.data.reason"] = "\"card-expired\"" }, transition.Decisions[2].Values);
        Assert.Equal("bill-payment:cust-1:inv-1/card/4", transition.Commands.OfType<SendAction>().Single().IdempotencyKey);
        Assert.Equal([new ScheduleWakeUp(Clock.Day(4))], transition.Commands.OfType<ScheduleWakeUp>());
        Assert.Equal("payment.failed", transition.State.LastEvent?.Type);
    }

    [Theory]
    [InlineData("unrelated.type")]
    [InlineData("invoice.issued")]
    public void Apply_TouchpointNothingAwaits_ReturnsTheSameStateInstanceAndNothingElse(string type)
    {
        var driver = StartedBillPayment();
        var before = driver.State;

        var transition = driver.Touch(type, Clock.Day(1), """{"reason":"card-expired","amount":10}""");

        Assert.Same(before, transition.State);
        Assert.Empty(transition.Commands);
        Assert.Empty(transition.Decisions);
        Assert.Equal(Clock.T0, transition.State.UpdatedAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2.999)]
    public void Apply_WakeUpBeforeAnythingIsDue_IsANoOp(double days)
    {
        var driver = StartedBillPayment();
        var before = driver.State;

        var transition = driver.Wake(Clock.Day(days));

        Assert.Same(before, transition.State);
        Assert.Empty(transition.Commands);
        Assert.Empty(transition.Decisions);
    }

    [Theory]
    [MemberData(nameof(InputKinds))]
    public void Apply_CompletedInstance_ReturnsTheSameStateWithNoCommandsOrDecisions(string inputKind)
    {
        var driver = StartedBillPayment();
        driver.Touch("account.closed", Clock.Day(1));
        var completed = driver.State;
        JourneyInput input = inputKind switch
        {
            "touchpoint" => new TouchpointReceived(Touchpoints.Of("payment.failed", Clock.Day(70))),
            "goal-touchpoint" => new TouchpointReceived(Touchpoints.Of("payment.completed", Clock.Day(70))),
            "wake-up" => WakeUp.Instance,
            _ => new StopRequested("operator"),
        };

        var transition = JourneyEngine.Apply(SampleJourneys.BillPayment, completed, input, Clock.Day(70));

        Assert.Same(completed, transition.State);
        Assert.Empty(transition.Commands);
        Assert.Empty(transition.Decisions);
    }

    [Theory]
    [InlineData("operator said so", "operator said so")]
    [InlineData(null, "stopped")]
    public void Apply_StopRequested_CompletesStoppedWithTheReason(string? reason, string expectedReason)
    {
        var driver = StartedBillPayment();

        var transition = driver.Stop(Clock.Day(1), reason);

        Assert.Equal(JourneyStatus.Completed, transition.State.Status);
        Assert.Equal(JourneyOutcome.Stopped, transition.State.Outcome);
        Assert.Equal(expectedReason, transition.State.Reason);
        Assert.Equal([new CompleteJourney(JourneyOutcome.Stopped, expectedReason)], transition.Commands);
        Assert.Equal(
            [(DecisionKind.Stopped, "wait-pay", reason), (DecisionKind.Completed, "wait-pay", "stopped")],
            transition.Decisions.Select(d => (d.Kind, d.Step, d.Detail)));
        Assert.Null(transition.State.NextWakeUpAt);
        Assert.Null(transition.State.WaitDeadline);
        Assert.Empty(transition.State.Awaiting);
    }

    [Fact]
    public void Apply_StopWhenExpiryIsAlreadyDue_ExpiresInstead()
    {
        var driver = StartedBillPayment();

        var transition = driver.Stop(Clock.Day(61), "late stop");

        Assert.Equal(JourneyOutcome.Expired, transition.State.Outcome);
        Assert.DoesNotContain(transition.Decisions, d => d.Kind == DecisionKind.Stopped);
    }

    [Theory]
    [InlineData("other-journey", 0)]
    [InlineData("bill-payment", 1)]
    public void Apply_StateOfAnotherJourneyOrVersion_ThrowsArgumentException(string journeyId, int version)
    {
        var state = StartedBillPayment().State with { JourneyId = journeyId, Version = version };

        var error = Assert.Throws<ArgumentException>(
            () => JourneyEngine.Apply(SampleJourneys.BillPayment, state, WakeUp.Instance, Clock.Day(1)));

        Assert.Equal("definition", error.ParamName);
    }

    [Fact]
    public void Apply_NullArguments_Throw()
    {
        var state = StartedBillPayment().State;

        Assert.Throws<ArgumentNullException>(() => JourneyEngine.Apply(null!, state, WakeUp.Instance, Clock.T0));
        Assert.Throws<ArgumentNullException>(() => JourneyEngine.Apply(SampleJourneys.BillPayment, null!, WakeUp.Instance, Clock.T0));
        Assert.Throws<ArgumentNullException>(() => JourneyEngine.Apply(SampleJourneys.BillPayment, state, null!, Clock.T0));
    }

    [Fact]
    public void Apply_DoesNotMutateTheGivenState()
    {
        var driver = StartedBillPayment();
        var before = driver.State;
        var snapshot = Serialized.Of(before);

        driver.Touch("payment.failed", Clock.Day(1), """{"reason":"card-expired"}""");
        driver.Stop(Clock.Day(2));

        Assert.Equal(snapshot, Serialized.Of(before));
    }

    private static EngineDriver StartedBillPayment()
    {
        var driver = new EngineDriver(SampleJourneys.BillPayment);
        driver.Start(Touchpoints.Invoice(Clock.T0));
        return driver;
    }
}
