using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;
using static Orchestrator.Journeys.Tests.Support.JourneyBuilder;

namespace Orchestrator.Journeys.Tests.Engine;

public class TimerTests
{
    [Fact]
    public void Apply_WakeUpAtTheTimeout_TimesOutSendsTheReminderAndWaitsAgain()
    {
        var driver = StartedBillPayment();

        var transition = driver.Wake(Clock.Day(3));

        Assert.Equal(
            [
                (DecisionKind.TimedOut, "wait-pay", "remind"),
                (DecisionKind.StepEntered, "remind", null),
                (DecisionKind.ActionRequested, "remind", "wait-pay"),
                (DecisionKind.StepEntered, "wait-pay", null),
            ],
            transition.Decisions.Select(d => (d.Kind, d.Step, d.Next)));
        Assert.Collection(
            transition.Commands,
            c => Assert.Equal(new SendAction("remind", "sms", "payment-reminder", null, "bill-payment:cust-1:inv-1/remind/3"), c),
            c => Assert.Equal(new ScheduleWakeUp(Clock.Day(6)), c));
        Assert.Equal(Clock.Day(6), transition.State.WaitDeadline);
        Assert.Equal(4, transition.State.StepVisits);
    }

    [Fact]
    public void Apply_RepeatedWakeUpAtTheSameDeadline_ChangesNothingTheSecondTime()
    {
        var driver = StartedBillPayment();
        driver.Wake(Clock.Day(3));
        var after = driver.State;

        var repeated = driver.Wake(Clock.Day(3));

        Assert.Same(after, repeated.State);
        Assert.Empty(repeated.Commands);
    }

    [Fact]
    public void Apply_WakeUpsAtEveryDeadline_RemindEveryThreeDaysThenExpireAtMaxDuration()
    {
        var driver = StartedBillPayment();

        while (driver.State.Status == JourneyStatus.Running)
        {
            driver.WakeWhenDue();
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(k => Clock.Day(3 * k)), driver.Transitions.Skip(1).Select(t => t.Decisions[0].At));
        Assert.Equal(19, driver.Actions.Count(a => a == "sms/payment-reminder"));
        Assert.Equal((JourneyOutcome.Expired, "maxDuration"), (driver.State.Outcome, driver.State.Reason));
        Assert.Equal(
            [(DecisionKind.Expired, "maxDuration"), (DecisionKind.Completed, "expired")],
            driver.Transitions[^1].Decisions.Select(d => (d.Kind, d.Detail)));
        Assert.Equal([new CompleteJourney(JourneyOutcome.Expired, "maxDuration")], driver.Transitions[^1].Commands);
    }

    [Fact]
    public void Apply_ExpiryAndTimeoutDueTogether_ExpiryFiresFirstAndAlone()
    {
        var definition = new JourneyBuilder()
            .MaxDuration(TimeSpan.FromDays(3))
            .WaitFor("wait", TimeSpan.FromDays(3), "remind", On("x", "end"))
            .Send("remind", "sms", "r", "wait")
            .End("end")
            .Build();
        var driver = new EngineDriver(definition);
        driver.Start(Touchpoints.Of("test.entered", Clock.T0));

        var transition = driver.Wake(Clock.Day(3));

        Assert.Equal(JourneyOutcome.Expired, transition.State.Outcome);
        Assert.DoesNotContain(transition.Decisions, d => d.Kind == DecisionKind.TimedOut);
        Assert.Empty(transition.Commands.OfType<SendAction>());
    }

    [Fact]
    public void Apply_GoalTouchpointAfterExpiry_ExpiresWithoutReachingTheGoal()
    {
        var definition = new JourneyBuilder()
            .Goal("paid")
            .MaxDuration(TimeSpan.FromDays(10))
            .WaitFor("wait", null, null, On("x", "end"))
            .End("end")
            .Build();
        var driver = new EngineDriver(definition);
        driver.Start(Touchpoints.Of("test.entered", Clock.T0));

        var transition = driver.Touch("paid", Clock.Day(10));

        Assert.Equal(JourneyOutcome.Expired, transition.State.Outcome);
        Assert.Null(transition.State.GoalReachedAt);
        Assert.DoesNotContain(transition.Decisions, d => d.Kind == DecisionKind.GoalReached);
    }

    [Fact]
    public void Apply_TouchpointAtTheTimeout_FiresTheTimeoutFirstThenOffersTheTouchpoint()
    {
        var driver = StartedBillPayment();

        var transition = driver.Touch("payment.failed", Clock.Day(3), """{"reason":"card-expired"}""");

        Assert.Equal(["sms/payment-reminder", "mobile/update-card"], transition.Commands.OfType<SendAction>().Select(a => $"{a.Channel}/{a.Action}"));
        Assert.Equal(
            [DecisionKind.TimedOut, DecisionKind.StepEntered, DecisionKind.ActionRequested, DecisionKind.StepEntered, DecisionKind.EventMatched],
            transition.Decisions.Take(5).Select(d => d.Kind));
        Assert.Equal([new ScheduleWakeUp(Clock.Day(6))], transition.Commands.OfType<ScheduleWakeUp>());
    }

    [Fact]
    public void Apply_TimeoutThatDoesNotChangeTheWakeUp_SchedulesNothing()
    {
        // Both waits have no timeout, so the next wake-up stays the expiry throughout.
        var definition = new JourneyBuilder()
            .MaxDuration(TimeSpan.FromDays(10))
            .WaitFor("first", null, null, On("go", "second"))
            .WaitFor("second", null, null, On("go", "end"))
            .End("end")
            .Build();
        var driver = new EngineDriver(definition);
        var start = driver.Start(Touchpoints.Of("test.entered", Clock.T0));

        var transition = driver.Touch("go", Clock.Day(1));

        Assert.Equal([new ScheduleWakeUp(Clock.Day(10))], start.Commands);
        Assert.Equal("second", transition.State.CurrentStep);
        Assert.Empty(transition.Commands);
        Assert.Equal(Clock.Day(10), transition.State.NextWakeUpAt);
    }

    [Fact]
    public void Apply_WaitForWithoutTimeoutAfterATimedWait_SchedulesTheExpiry()
    {
        var definition = new JourneyBuilder()
            .MaxDuration(TimeSpan.FromDays(10))
            .WaitFor("first", TimeSpan.FromDays(1), "second", On("go", "second"))
            .WaitFor("second", null, null, On("go", "end"))
            .End("end")
            .Build();
        var driver = new EngineDriver(definition);
        driver.Start(Touchpoints.Of("test.entered", Clock.T0));

        var transition = driver.Touch("go", Clock.T0.AddHours(1));

        Assert.Equal([new ScheduleWakeUp(Clock.Day(10))], transition.Commands);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(5.0, null, 5.0)]
    [InlineData(null, 7.0, 7.0)]
    [InlineData(5.0, 7.0, 5.0)]
    [InlineData(7.0, 5.0, 5.0)]
    [InlineData(5.0, 5.0, 5.0)]
    public void NextWakeUpAt_RunningState_IsTheEarlierDeadline(double? waitDay, double? expiresDay, double? expectedDay)
    {
        var state = StartedBillPayment().State with
        {
            WaitDeadline = waitDay is { } w ? Clock.Day(w) : null,
            ExpiresAt = expiresDay is { } e ? Clock.Day(e) : null,
        };

        Assert.Equal(expectedDay is { } d ? Clock.Day(d) : null, state.NextWakeUpAt);
    }

    [Fact]
    public void NextWakeUpAt_CompletedState_IsNullWhateverTheDeadlines()
    {
        var state = StartedBillPayment().State with { Status = JourneyStatus.Completed };

        Assert.Null(state.NextWakeUpAt);
    }

    [Fact]
    public void Apply_ExpiryDuringADelay_ExpiresAtMaxDuration()
    {
        var definition = new JourneyBuilder()
            .MaxDuration(TimeSpan.FromDays(2))
            .Delay("pause", TimeSpan.FromDays(5), "end")
            .End("end")
            .Build();
        var driver = new EngineDriver(definition);
        var start = driver.Start(Touchpoints.Of("test.entered", Clock.T0));

        var transition = driver.WakeWhenDue();

        Assert.Equal([new ScheduleWakeUp(Clock.Day(2))], start.Commands);
        Assert.Equal(Clock.Day(2), transition.Decisions[0].At);
        Assert.Equal(JourneyOutcome.Expired, transition.State.Outcome);
        Assert.Null(transition.State.WaitDeadline);
    }

    private static EngineDriver StartedBillPayment()
    {
        var driver = new EngineDriver(SampleJourneys.BillPayment);
        driver.Start(Touchpoints.Invoice(Clock.T0));
        return driver;
    }
}
