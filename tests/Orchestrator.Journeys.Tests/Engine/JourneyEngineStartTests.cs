using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Engine;

public class JourneyEngineStartTests
{
    private const string InstanceId = "bill-payment:cust-1:inv-1";

    [Fact]
    public void Start_BillPayment_RecordsStartedThenEveryStepUntilTheWaitFor()
    {
        var transition = JourneyEngine.Start(SampleJourneys.BillPayment, Touchpoints.Invoice(Clock.T0), Clock.T0);

        Assert.Equal(
            [
                (DecisionKind.Started, null, "invoice.issued"),
                (DecisionKind.StepEntered, "notify", null),
                (DecisionKind.ActionRequested, "notify", "email/invoice-ready"),
                (DecisionKind.StepEntered, "wait-pay", null),
            ],
            transition.Decisions.Select(d => (d.Kind, d.Step, d.Detail)));
        Assert.All(transition.Decisions, d => Assert.Equal(Clock.T0, d.At));
    }

    [Fact]
    public void Start_BillPayment_SendsRenderedDataWithVisitKeyThenSchedulesTheTimeout()
    {
        var transition = JourneyEngine.Start(SampleJourneys.BillPayment, Touchpoints.Invoice(Clock.T0, amount: "42.5"), Clock.T0);

        Assert.Collection(
            transition.Commands,
            command =>
            {
                var send = Assert.IsType<SendAction>(command);
                Assert.Equal(("notify", "email", "invoice-ready", $"{InstanceId}/notify/1"), (send.StepId, send.Channel, send.Action, send.IdempotencyKey));
                Assert.Equal("""{"amount":42.5}""", Json.Compact(send.Data!.Value));
            },
            command => Assert.Equal(new ScheduleWakeUp(Clock.Day(3)), command));
    }

    [Fact]
    public void Start_BillPayment_StateWaitsForEventsWithDeadlineAndExpiry()
    {
        var state = JourneyEngine.Start(SampleJourneys.BillPayment, Touchpoints.Invoice(Clock.T0), Clock.T0).State;

        Assert.Equal(InstanceId, state.InstanceId);
        Assert.Equal(("bill-payment", 0, Touchpoints.CustomerId), (state.JourneyId, state.Version, state.CustomerId));
        Assert.Equal(JourneyStatus.Running, state.Status);
        Assert.Null(state.Outcome);
        Assert.Equal("wait-pay", state.CurrentStep);
        Assert.Equal(WaitKind.Events, state.Waiting);
        Assert.Equal(Clock.Day(3), state.WaitDeadline);
        Assert.Equal(Clock.Day(60), state.ExpiresAt);
        Assert.Equal(Clock.Day(3), state.NextWakeUpAt);
        Assert.Equal(Clock.T0, state.StartedAt);
        Assert.Equal(Clock.T0, state.UpdatedAt);
        Assert.Equal(2, state.StepVisits);
        Assert.Equal("inv-1", state.Trigger.Id);
        Assert.Null(state.LastEvent);
        Assert.Null(state.Vars);
    }

    [Fact]
    public void Start_BillPayment_AwaitsStepEventsThenGoalThenExit()
    {
        var state = JourneyEngine.Start(SampleJourneys.BillPayment, Touchpoints.Invoice(Clock.T0), Clock.T0).State;

        Assert.Equal(
            [
                new AwaitedEvent("payment.completed", AwaitPurpose.Step, null, "thanks"),
                new AwaitedEvent("payment.failed", AwaitPurpose.Step, null, "help"),
                new AwaitedEvent("payment.completed", AwaitPurpose.Goal),
                new AwaitedEvent("account.closed", AwaitPurpose.Exit),
            ],
            state.Awaiting);
    }

    [Fact]
    public void Start_WithoutInstanceId_UsesTheDeterministicIdOfJourneyCustomerAndTrigger()
    {
        var trigger = Touchpoints.Invoice(Clock.T0, id: "inv/42");

        var state = JourneyEngine.Start(SampleJourneys.BillPayment, trigger, Clock.T0).State;

        Assert.Equal(InstanceIds.For("bill-payment", Touchpoints.CustomerId, "inv/42"), state.InstanceId);
        Assert.Equal("bill-payment:cust-1:inv%2F42", state.InstanceId);
    }

    [Fact]
    public void Start_WithInstanceId_KeepsTheGivenIdInStateAndKeys()
    {
        var transition = JourneyEngine.Start(SampleJourneys.BillPayment, "custom-id", Touchpoints.Invoice(Clock.T0), Clock.T0);

        Assert.Equal("custom-id", transition.State.InstanceId);
        Assert.Equal("custom-id/notify/1", transition.Commands.OfType<SendAction>().Single().IdempotencyKey);
    }

    [Theory]
    [InlineData(JourneyOutcome.Success, "done")]
    [InlineData(JourneyOutcome.Failure, "no-card")]
    [InlineData(JourneyOutcome.Neutral, null)]
    public void Start_EndStepFirst_CompletesWithItsOutcomeAndNoWakeUp(JourneyOutcome outcome, string? reason)
    {
        var definition = new JourneyBuilder().MaxDuration(TimeSpan.FromDays(1)).End("end", outcome, reason).Build();

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0), Clock.T0);

        Assert.Equal([new CompleteJourney(outcome, reason)], transition.Commands);
        Assert.Equal(JourneyStatus.Completed, transition.State.Status);
        Assert.Equal(outcome, transition.State.Outcome);
        Assert.Equal(reason, transition.State.Reason);
        Assert.Equal("end", transition.State.CurrentStep);
        Assert.Equal(WaitKind.None, transition.State.Waiting);
        Assert.Null(transition.State.ExpiresAt);
        Assert.Null(transition.State.NextWakeUpAt);
        Assert.Empty(transition.State.Awaiting);
        Assert.Equal(
            [DecisionKind.Started, DecisionKind.StepEntered, DecisionKind.Completed],
            transition.Decisions.Select(d => d.Kind));
        Assert.Equal(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString()), transition.Decisions[^1].Detail);
    }

    [Fact]
    public void Start_NoMaxDurationAndWaitForWithoutTimeout_SchedulesNoWakeUp()
    {
        var definition = new JourneyBuilder()
            .WaitFor("wait", null, null, JourneyBuilder.On("x", "end"))
            .End("end")
            .Build();

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0), Clock.T0);

        Assert.Empty(transition.Commands);
        Assert.Null(transition.State.NextWakeUpAt);
        Assert.Equal(WaitKind.Events, transition.State.Waiting);
    }

    [Fact]
    public void Start_MaxDurationShorterThanTimeout_SchedulesTheExpiry()
    {
        var definition = new JourneyBuilder()
            .MaxDuration(TimeSpan.FromHours(1))
            .WaitFor("wait", TimeSpan.FromDays(1), "end", JourneyBuilder.On("x", "end"))
            .End("end")
            .Build();

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0), Clock.T0);

        Assert.Equal([new ScheduleWakeUp(Clock.T0.AddHours(1))], transition.Commands);
        Assert.Equal(Clock.T0.AddDays(1), transition.State.WaitDeadline);
    }

    [Fact]
    public void Start_TriggerMatchingGoalExitAndWaitFor_IsNotOfferedToThem()
    {
        var definition = new JourneyBuilder()
            .EntersOn("signup")
            .Goal("signup")
            .ExitOn("signup")
            .WaitFor("wait", null, null, JourneyBuilder.On("signup", "end"))
            .End("end")
            .Build();

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("signup", Clock.T0), Clock.T0);

        Assert.Equal(JourneyStatus.Running, transition.State.Status);
        Assert.Equal("wait", transition.State.CurrentStep);
        Assert.Equal([DecisionKind.Started, DecisionKind.StepEntered], transition.Decisions.Select(d => d.Kind));
    }

    [Fact]
    public void Start_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => JourneyEngine.Start(null!, Touchpoints.Invoice(Clock.T0), Clock.T0));
        Assert.Throws<ArgumentNullException>(() => JourneyEngine.Start(SampleJourneys.BillPayment, null!, Clock.T0));
    }
}
