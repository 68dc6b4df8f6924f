using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;
using static Orchestrator.Journeys.Tests.Support.JourneyBuilder;

namespace Orchestrator.Journeys.Tests.Engine;

public class JourneyEngineMigrateTests
{
    // Version 2 renames the wait and sends an extra nudge before it; payment still ends the journey.
    private static readonly JourneyDefinition Version2 = new JourneyBuilder("bill-payment")
        .Version(2)
        .EntersOn("invoice.issued")
        .Goal("payment.completed", within: TimeSpan.FromDays(30))
        .MaxDuration(TimeSpan.FromDays(60))
        .StartAt("notify")
        .Send("notify", "email", "invoice-ready", "wait-payment")
        .Send("nudge", "push", "pay-now", "wait-payment")
        .WaitFor("wait-payment", TimeSpan.FromDays(3), "remind", On("payment.failed", "call"))
        .Send("remind", "sms", "payment-reminder", "wait-payment")
        .Send("call", "contact-center", "call-back", "done")
        .End("done", JourneyOutcome.Neutral, "called")
        .Build();

    [Fact]
    public void Migrate_WaitToWaitWithTheSameTimeout_KeepsTheDeadlineVarsTriggerAndStart()
    {
        var driver = StartedBillPayment();
        var before = driver.State;

        var moved = JourneyEngine.Migrate(driver.Definition, Version2, before, "wait-payment", Clock.Day(1));

        Assert.Equal(
            [(DecisionKind.Migrated, "wait-pay", "wait-payment", MigrationEntry.WaitKept)],
            moved.Decisions.Select(d => (d.Kind, d.Step, d.Next, d.Detail)));
        Assert.Equal(new Dictionary<string, string> { ["fromVersion"] = $"{before.Version}", ["toVersion"] = "2" }, moved.Decisions[0].Values);
        Assert.Empty(moved.Commands);
        var state = moved.State;
        Assert.Equal((2, "wait-payment", WaitKind.Events, Clock.Day(3)), (state.Version, state.CurrentStep, state.Waiting, state.WaitDeadline));
        Assert.Equal((before.Trigger, before.StartedAt, before.ExpiresAt, before.StepVisits), (state.Trigger, state.StartedAt, state.ExpiresAt, state.StepVisits));
        Assert.Equal(["payment.completed", "payment.failed"], state.Awaiting.Select(a => a.Event).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(3.0, 1.0, 3.0)]
    [InlineData(5.0, 1.0, 5.0)]
    [InlineData(2.0, 1.0, 2.0)]
    [InlineData(null, 1.0, null)]
    public void Migrate_WaitToWait_TimeAlreadyWaitedCountsAgainstTheNewTimeout(double? newTimeoutDays, double migrateAtDay, double? expectedDeadlineDay)
    {
        var driver = StartedBillPayment();
        var target = new JourneyBuilder("bill-payment")
            .Version(2)
            .WaitFor("wait", newTimeoutDays is { } days ? TimeSpan.FromDays(days) : null, newTimeoutDays is null ? null : "end", On("payment.completed", "end"))
            .End("end")
            .Build();

        var moved = JourneyEngine.Migrate(driver.Definition, target, driver.State, "wait", Clock.Day(migrateAtDay));

        Assert.Equal(expectedDeadlineDay is { } day ? Clock.Day(day) : null, moved.State.WaitDeadline);
    }

    [Fact]
    public void Migrate_NewTimeoutAlreadyPassed_TimesOutAtOnceOnTheNewGraph()
    {
        var driver = StartedBillPayment();
        var target = new JourneyBuilder("bill-payment")
            .Version(2)
            .WaitFor("wait", TimeSpan.FromDays(1), "late", On("payment.completed", "late"))
            .Send("late", "sms", "late-notice", "end")
            .End("end", JourneyOutcome.Failure, "late")
            .Build();

        var moved = JourneyEngine.Migrate(driver.Definition, target, driver.State, "wait", Clock.Day(2));

        Assert.Equal(
            [DecisionKind.Migrated, DecisionKind.TimedOut, DecisionKind.StepEntered, DecisionKind.ActionRequested, DecisionKind.StepEntered, DecisionKind.Completed],
            moved.Decisions.Select(d => d.Kind));
        Assert.Equal((JourneyOutcome.Failure, "late"), (moved.State.Outcome, moved.State.Reason));
    }

    [Fact]
    public void Migrate_IntoASendStep_EntersItAsIfJustArrivedAndWaitsAfresh()
    {
        var driver = StartedBillPayment();

        var moved = JourneyEngine.Migrate(driver.Definition, Version2, driver.State, "nudge", Clock.Day(1));

        Assert.Equal(
            [
                (DecisionKind.Migrated, "wait-pay", "nudge", MigrationEntry.Entered),
                (DecisionKind.StepEntered, "nudge", null, null),
                (DecisionKind.ActionRequested, "nudge", "wait-payment", "push/pay-now"),
                (DecisionKind.StepEntered, "wait-payment", null, null),
            ],
            moved.Decisions.Select(d => (d.Kind, d.Step, d.Next, d.Detail)));
        Assert.Equal(Clock.Day(4), moved.State.WaitDeadline);
        Assert.Contains(new ScheduleWakeUp(Clock.Day(4)), moved.Commands);
        Assert.Equal(
            "bill-payment:cust-1:inv-1/nudge/3",
            Assert.Single(moved.Commands.OfType<SendAction>()).IdempotencyKey);
    }

    [Fact]
    public void Migrate_ThenATouchpoint_AdvancesOnTheNewGraph()
    {
        var driver = StartedBillPayment();
        var moved = JourneyEngine.Migrate(driver.Definition, Version2, driver.State, "wait-payment", Clock.Day(1)).State;

        var failed = JourneyEngine.Apply(Version2, moved, new TouchpointReceived(Touchpoints.Of("payment.failed", Clock.Day(2))), Clock.Day(2));

        Assert.Equal(["call", "done"], failed.Decisions.Where(d => d.Kind == DecisionKind.StepEntered).Select(d => d.Step));
        Assert.Equal((JourneyOutcome.Neutral, "called"), (failed.State.Outcome, failed.State.Reason));
        Assert.Throws<ArgumentException>(() => JourneyEngine.Apply(driver.Definition, moved, WakeUp.Instance, Clock.Day(2)));
    }

    [Fact]
    public void Migrate_CompletedInstance_ChangesNothing()
    {
        var driver = StartedBillPayment();
        driver.Touch("payment.completed", Clock.Day(1));

        var moved = JourneyEngine.Migrate(driver.Definition, Version2, driver.State, "wait-payment", Clock.Day(2));

        Assert.Same(driver.State, moved.State);
        Assert.Empty(moved.Decisions);
    }

    [Fact]
    public void Migrate_UnknownTargetOrStateOfAnotherVersion_Throws()
    {
        var driver = StartedBillPayment();
        var moved = JourneyEngine.Migrate(driver.Definition, Version2, driver.State, "wait-payment", Clock.Day(1)).State;

        Assert.Throws<ArgumentException>(() => JourneyEngine.Migrate(driver.Definition, Version2, driver.State, "no-such-step", Clock.Day(1)));
        Assert.Throws<ArgumentException>(() => JourneyEngine.Migrate(driver.Definition, Version2, moved, "wait-payment", Clock.Day(1)));
    }

    [Fact]
    public void Migrate_IsDeterministic_SameArgumentsSameTransition()
    {
        var driver = StartedBillPayment();

        var first = JourneyEngine.Migrate(driver.Definition, Version2, driver.State, "nudge", Clock.Day(1));
        var second = JourneyEngine.Migrate(driver.Definition, Version2, driver.State, "nudge", Clock.Day(1));

        Assert.Equal(first.Commands, second.Commands);
        Assert.Equal(first.Decisions.Select(d => (d.Kind, d.Step, d.Next, d.At)), second.Decisions.Select(d => (d.Kind, d.Step, d.Next, d.At)));
        Assert.Equal((first.State.WaitDeadline, first.State.CurrentStep, first.State.StepVisits), (second.State.WaitDeadline, second.State.CurrentStep, second.State.StepVisits));
    }

    [Fact]
    public void AnalyticsDelta_Migration_CountsTheStartOnceAndTheMoveOnEachSide()
    {
        var driver = StartedBillPayment();
        var from = new AnalyticsCounters();
        var to = new AnalyticsCounters();
        AnalyticsDelta.Add(driver.Definition, null, driver.Transitions[0], from);
        var before = driver.State;

        var moved = JourneyEngine.Migrate(driver.Definition, Version2, before, "wait-payment", Clock.Day(1));
        AnalyticsDelta.AddMigratedOut(before, moved, from);
        AnalyticsDelta.Add(Version2, before, moved, to);
        var paid = JourneyEngine.Apply(Version2, moved.State, new TouchpointReceived(Touchpoints.Of("payment.completed", Clock.Day(2))), Clock.Day(2));
        AnalyticsDelta.Add(Version2, moved.State, paid, to);

        Assert.Equal((1, 1, 1, 0), (from[CounterNames.Started], from[CounterNames.MigratedOut], from["step:wait-pay:left:migrated"], from[CounterNames.Ended]));
        Assert.Equal((0, 1, 1, 1), (to[CounterNames.Started], to[CounterNames.MigratedIn], to["step:wait-payment:entered"], to[CounterNames.Ended]));
        Assert.Equal(1, to["ended:success"]);
    }

    [Fact]
    public void End_RunningInstance_EndsWithTheOutcomeAndReasonGiven()
    {
        var driver = StartedBillPayment();

        var ended = JourneyEngine.End(driver.Definition, driver.State, JourneyOutcome.Neutral, "migrated-out", Clock.Day(1));

        Assert.Equal([DecisionKind.Stopped, DecisionKind.Completed], ended.Decisions.Select(d => d.Kind));
        Assert.Equal((JourneyStatus.Completed, JourneyOutcome.Neutral, "migrated-out"), (ended.State.Status, ended.State.Outcome, ended.State.Reason));
        Assert.Equal([new CompleteJourney(JourneyOutcome.Neutral, "migrated-out")], ended.Commands);
    }

    private static EngineDriver StartedBillPayment()
    {
        var driver = new EngineDriver(SampleJourneys.BillPayment);
        driver.Start(Touchpoints.Invoice(Clock.T0));
        return driver;
    }
}
