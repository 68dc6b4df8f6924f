using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Engine;

public class DelayStepTests
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Fact]
    public void Delay_Duration_WaitsThenContinuesWhenWokenAtTheDeadline()
    {
        var definition = new JourneyBuilder()
            .ExitOn("stop")
            .Delay("pause", TimeSpan.FromHours(2), "end")
            .End("end")
            .Build();
        var driver = new EngineDriver(definition);

        var start = driver.Start(Touchpoints.Of("test.entered", Clock.T0));

        Assert.Equal(
            (DecisionKind.DelayStarted, "pause", "end", "2026-03-02T11:00:00.0000000+00:00"),
            (start.Decisions[^1].Kind, start.Decisions[^1].Step, start.Decisions[^1].Next, start.Decisions[^1].Detail));
        Assert.Equal([new ScheduleWakeUp(Clock.T0.AddHours(2))], start.Commands);
        Assert.Equal((WaitKind.Time, Clock.T0.AddHours(2)), (start.State.Waiting, start.State.WaitDeadline));
        Assert.Equal([new AwaitedEvent("stop", AwaitPurpose.Exit)], start.State.Awaiting);

        var early = driver.Wake(Clock.T0.AddHours(2).AddTicks(-1));
        Assert.Empty(early.Decisions);

        var due = driver.WakeWhenDue();
        Assert.Equal(
            [(DecisionKind.DelayElapsed, "pause", "end"), (DecisionKind.StepEntered, "end", null), (DecisionKind.Completed, "end", null)],
            due.Decisions.Select(d => (d.Kind, d.Step, d.Next)));
        Assert.Equal(JourneyOutcome.Success, due.State.Outcome);
    }

    [Fact]
    public void Delay_ZeroDuration_ContinuesImmediately()
    {
        var definition = new JourneyBuilder().Delay("pause", TimeSpan.Zero, "end").End("end").Build();

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0), Clock.T0);

        Assert.Contains(transition.Decisions, d => d is { Kind: DecisionKind.DelayElapsed, Step: "pause", Detail: "already due" });
        Assert.Equal(JourneyStatus.Completed, transition.State.Status);
    }

    [Fact]
    public void Delay_TouchpointWhileDelaying_IsNotAwaitedAndChangesNothing()
    {
        var definition = new JourneyBuilder().Delay("pause", TimeSpan.FromHours(2), "end").End("end").Build();
        var driver = new EngineDriver(definition);
        driver.Start(Touchpoints.Of("test.entered", Clock.T0));
        var before = driver.State;

        var transition = driver.Touch("anything", Clock.T0.AddHours(1));

        Assert.Same(before, transition.State);
    }

    /// <summary>Columns: the trigger's <c>until</c> value as JSON (null: absent), the expected deadline (null: no wait).</summary>
    [Theory]
    [InlineData("\"2026-03-05T10:00:00+01:00\"", "2026-03-05T09:00:00Z")]
    [InlineData("\"2026-03-05\"", "2026-03-05T00:00:00Z")]
    [InlineData("\"2026-03-02T09:00:00.0000001Z\"", "2026-03-02T09:00:00.0000001Z")]
    [InlineData("\"2026-03-02T09:00:00Z\"", null)]
    [InlineData("\"2026-03-01T09:00:00Z\"", null)]
    [InlineData("\"next tuesday\"", null)]
    [InlineData("1772442000", null)]
    [InlineData("null", null)]
    [InlineData(null, null)]
    public void Delay_Until_WaitsForAFutureInstantAndOtherwiseContinues(string? until, string? deadline)
    {
        var definition = new JourneyBuilder().DelayUntil("pause", "trigger.data.until", "end").End("end").Build();
        var data = until is null ? "{}" : $$"""{"until":{{until}}}""";

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0, data), Clock.T0);

        if (deadline is null)
        {
            Assert.Contains(transition.Decisions, d => d is { Kind: DecisionKind.DelayElapsed, Detail: "already due" });
            Assert.Equal(JourneyStatus.Completed, transition.State.Status);
        }
        else
        {
            Assert.Equal(Clock.At(deadline), transition.State.WaitDeadline);
            Assert.Equal([new ScheduleWakeUp(Clock.At(deadline))], transition.Commands);
        }
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(-1.0, null)]
    public void Delay_UntilTriggerTime_WaitsForTheTimeTheChannelAppGave(double hoursAhead, double? waitHours)
    {
        var definition = new JourneyBuilder().DelayUntil("pause", "trigger.time", "end").End("end").Build();
        var trigger = Touchpoints.Of("test.entered", Clock.T0.AddHours(hoursAhead));

        var transition = JourneyEngine.Start(definition, trigger, Clock.T0);

        Assert.Equal(waitHours is { } h ? Clock.T0.AddHours(h) : null, transition.State.WaitDeadline);
    }

    [Fact]
    public void Delay_UntilEventTime_ReadsTheTouchpointThatAdvancedTheInstance()
    {
        var definition = new JourneyBuilder()
            .WaitFor("wait", null, null, JourneyBuilder.On("booked", "pause"))
            .DelayUntil("pause", "event.data.appointment", "end")
            .End("end")
            .Build();
        var driver = new EngineDriver(definition);
        driver.Start(Touchpoints.Of("test.entered", Clock.T0));

        var transition = driver.Touch("booked", Clock.Day(1), """{"appointment":"2026-03-10T14:00:00Z"}""");

        Assert.Equal(Clock.At("2026-03-10T14:00:00Z"), transition.State.WaitDeadline);
    }

    [Theory]
    [InlineData("2026-03-02T09:00:00Z", null)] // Monday 10:00 in Paris: open now.
    [InlineData("2026-03-02T06:00:00Z", "2026-03-02T08:00:00Z")] // Monday 07:00: opens at 09:00 local.
    [InlineData("2026-03-07T09:00:00Z", "2026-03-09T08:00:00Z")] // Saturday: opens Monday.
    public void Delay_Window_ContinuesInsideAndWaitsOutside(string now, string? opening)
    {
        var window = new TimeWindow(new TimeOnly(9, 0), new TimeOnly(18, 0), Weekdays, "Europe/Paris", null);
        var definition = new JourneyBuilder().DelayWindow("office", window, "end").End("end").Build();

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.At(now)), Clock.At(now));

        Assert.Equal(opening is null ? null : Clock.At(opening), transition.State.WaitDeadline);
        Assert.Equal(opening is null ? JourneyStatus.Completed : JourneyStatus.Running, transition.State.Status);
    }

    /// <summary>At 06:00 UTC on Monday 2 March a 09:00 window opens at a time that depends on the zone read from the trigger.</summary>
    [Theory]
    [InlineData("\"America/New_York\"", "2026-03-02T14:00:00Z")]
    [InlineData("\"Asia/Tokyo\"", null)] // 15:00 in Tokyo: open now.
    [InlineData("\"Mars/Olympus_Mons\"", "2026-03-02T09:00:00Z")]
    [InlineData("42", "2026-03-02T09:00:00Z")]
    [InlineData(null, "2026-03-02T09:00:00Z")]
    public void Delay_WindowZoneFromField_UsesThatZoneAndUtcWhenUnknownOrMissing(string? zone, string? opening)
    {
        var window = new TimeWindow(new TimeOnly(9, 0), new TimeOnly(18, 0), [], null, FieldPath.Parse("trigger.data.tz"));
        var definition = new JourneyBuilder().DelayWindow("office", window, "end").End("end").Build();
        var now = Clock.At("2026-03-02T06:00:00Z");
        var data = zone is null ? "{}" : $$"""{"tz":{{zone}}}""";

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", now, data), now);

        Assert.Equal(opening is null ? null : Clock.At(opening), transition.State.WaitDeadline);
        Assert.Equal(opening is null ? JourneyStatus.Completed : JourneyStatus.Running, transition.State.Status);
    }

    [Fact]
    public void Delay_WindowWithUnknownFixedZone_UsesUtc()
    {
        var window = new TimeWindow(new TimeOnly(9, 0), new TimeOnly(18, 0), [], "Not/AZone", null);
        var definition = new JourneyBuilder().DelayWindow("office", window, "end").End("end").Build();
        var now = Clock.At("2026-03-02T06:00:00Z");

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", now), now);

        Assert.Equal(Clock.At("2026-03-02T09:00:00Z"), transition.State.WaitDeadline);
    }
}
