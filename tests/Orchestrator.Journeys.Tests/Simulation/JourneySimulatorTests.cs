using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Simulation;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Simulation;

public class JourneySimulatorTests
{
    [Fact]
    public void Run_PaidOnDayOne_EndsWithSuccessThroughTheGoal()
    {
        var trace = Run(
            Event(0, "invoice.issued", """{"amount":120.5}"""),
            Event(1, "payment.completed"));

        Assert.Equal("success", trace.Outcome);
        Assert.Equal(["email/invoice-ready"], trace.Actions);
        Assert.Equal(["notify", "wait-pay"], trace.Steps);
        Assert.Equal(["started", "applied"], trace.Entries.Select(e => e.Effect));
        Assert.Equal("goal", trace.FinalState?.Reason);
    }

    [Fact]
    public void Run_NoPayment_RemindsAtEachExactDeadlineThenExpires()
    {
        var trace = Run(Event(0, "invoice.issued", """{"amount":10}"""));

        var wakeUps = trace.Entries.Where(e => e.Input == "wake-up").ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(k => Clock.Day(3 * k)), wakeUps.Select(e => e.At));
        Assert.All(wakeUps, e => Assert.All(e.Decisions, d => Assert.Equal(e.At, d.At)));
        Assert.Equal(["email/invoice-ready", .. Enumerable.Repeat("sms/payment-reminder", 19)], trace.Actions);
        Assert.Equal("expired", trace.Outcome);
    }

    [Fact]
    public void Run_TouchpointAtATimerDeadline_FiresTheTimerFirst()
    {
        var trace = Run(
            Event(0, "invoice.issued", """{"amount":10}"""),
            Event(3, "payment.failed", """{"reason":"card-expired"}"""),
            Event(4, "account.closed"));

        Assert.Equal(
            [("touchpoint invoice.issued (evt-0)", Clock.T0), ("wake-up", Clock.Day(3)), ("touchpoint payment.failed (evt-1)", Clock.Day(3)), ("touchpoint account.closed (evt-2)", Clock.Day(4))],
            trace.Entries.Select(e => (e.Input, e.At)));
        Assert.Equal(["email/invoice-ready", "sms/payment-reminder", "mobile/update-card"], trace.Actions);
        Assert.Equal(["notify", "wait-pay", "remind", "wait-pay", "help", "card", "wait-pay"], trace.Steps);
        Assert.Equal("exited", trace.Outcome);
    }

    [Fact]
    public void Run_SeveralTimersBeforeATouchpoint_FireEachAtItsOwnTime()
    {
        var trace = Run(
            Event(0, "invoice.issued", """{"amount":10}"""),
            Event(10, "payment.failed"));

        Assert.Equal(
            [Clock.T0, Clock.Day(3), Clock.Day(6), Clock.Day(9), Clock.Day(10)],
            trace.Entries.Select(e => e.At).Take(5));
        Assert.Equal(
            ["email/invoice-ready", "sms/payment-reminder", "sms/payment-reminder", "sms/payment-reminder", "contact-center/call-back"],
            trace.Actions.Take(5));
    }

    [Fact]
    public void Run_EventsBeforeEntry_AreIgnored()
    {
        var trace = Run(
            Event(0, "payment.completed"),
            Event(0.5, "invoice.issued", """{"amount":0}"""),
            Event(1, "invoice.issued", """{"amount":10}"""),
            Event(2, "account.closed"));

        Assert.Equal(
            ["ignored: does not match entry", "ignored: does not match entry", "started", "applied"],
            trace.Entries.Select(e => e.Effect));
        Assert.Equal(Clock.Day(1), trace.FinalState?.StartedAt);
        Assert.Equal("evt-2", trace.FinalState?.Trigger.Id);
        Assert.Equal("exited", trace.Outcome);
    }

    [Fact]
    public void Run_NothingMatchesTheEntry_IsNotStarted()
    {
        var trace = Run(Event(0, "payment.completed"), Event(1, "invoice.issued", """{"amount":-5}"""));

        Assert.Equal("notStarted", trace.Outcome);
        Assert.Null(trace.FinalState);
        Assert.Empty(trace.Actions);
        Assert.Empty(trace.Steps);
    }

    [Fact]
    public void Run_EventsAfterCompletionAndEventsNotAwaited_AreReportedAsIgnored()
    {
        var trace = Run(
            Event(0, "invoice.issued", """{"amount":10}"""),
            Event(1, "unrelated.type"),
            Event(2, "invoice.issued", """{"amount":10}"""),
            Event(2.5, "payment.completed"),
            Event(2.6, "payment.failed"));

        Assert.Equal(
            ["started", "ignored: not awaited", "ignored: not awaited", "applied", "ignored: instance completed"],
            trace.Entries.Select(e => e.Effect));
        Assert.Equal("success", trace.Outcome);
    }

    [Fact]
    public void Run_RunForEndsTheClock_LeavesTheInstanceRunning()
    {
        var trace = JourneySimulator.Run(
            SampleJourneys.BillPayment,
            Script([Event(0, "invoice.issued", """{"amount":10}""")], runFor: TimeSpan.FromDays(4)));

        Assert.Equal("running", trace.Outcome);
        Assert.Equal(["email/invoice-ready", "sms/payment-reminder"], trace.Actions);
        Assert.Equal(Clock.Day(6), trace.FinalState?.NextWakeUpAt);
    }

    [Fact]
    public void Run_TimerExactlyAtRunForEnd_Fires()
    {
        var trace = JourneySimulator.Run(
            SampleJourneys.BillPayment,
            Script([Event(0, "invoice.issued", """{"amount":10}""")], runFor: TimeSpan.FromDays(3)));

        Assert.Equal(["email/invoice-ready", "sms/payment-reminder"], trace.Actions);
    }

    [Fact]
    public void Run_ScriptedIdSourceAndCustomer_ReachTheTouchpoint()
    {
        var definition = new JourneyBuilder()
            .EntersOn("signup")
            .Send("hello", "email", "welcome", "end", data: """{"line":"{{trigger.id}}/{{trigger.source}}/{{customer.id}}/{{trigger.subject}}"}""")
            .End("end")
            .Build();
        var script = new SimulationScript(
            "cust-42",
            Clock.T0,
            [new SimulationEvent(Clock.T0, "signup", "sig-1", "web", null)],
            SimulationScript.DefaultRunFor,
            null,
            null,
            null);

        var trace = JourneySimulator.Run(definition, script);

        var send = trace.Entries.SelectMany(e => e.Commands).OfType<SendAction>().Single();
        Assert.Equal("sig-1/web/cust-42/cust-42", send.Data?.GetProperty("line").GetString());
        Assert.Equal("test-journey:cust-42:sig-1", trace.FinalState?.InstanceId);
    }

    [Fact]
    public void Run_DefaultEventIdsAndSource_AreEvtIndexAndSimulator()
    {
        var trace = Run(Event(0, "unrelated"), Event(0, "invoice.issued", """{"amount":1}"""));

        Assert.Equal("evt-1", trace.FinalState?.Trigger.Id);
        Assert.Equal("simulator", trace.FinalState?.Trigger.Source);
    }

    [Fact]
    public void Run_JourneyThatNeverSettles_StopsAtMaxWakeUps()
    {
        var definition = new JourneyBuilder()
            .WaitFor("wait", TimeSpan.FromMinutes(1), "wait")
            .Build();

        var trace = JourneySimulator.Run(definition, Script([Event(0, "test.entered")], runFor: TimeSpan.FromDays(3650)));

        Assert.Equal(JourneySimulator.MaxWakeUps, trace.Entries.Count(e => e.Input == "wake-up"));
        Assert.Equal("running", trace.Outcome);
    }

    [Fact]
    public void Run_SameScriptTwice_GivesTheSameTrace()
    {
        SimulationEvent[] events = [Event(0, "invoice.issued", """{"amount":10}"""), Event(4, "payment.failed", """{"reason":"x"}"""), Event(40, "payment.completed")];

        var first = Run(events);
        var second = Run(events);

        Assert.Equal(
            first.Entries.Select(e => (e.At, e.Input, e.Effect, Serialized.Of(e.Commands), Serialized.Of(e.Decisions))),
            second.Entries.Select(e => (e.At, e.Input, e.Effect, Serialized.Of(e.Commands), Serialized.Of(e.Decisions))));
        Assert.Equal(Serialized.Of(first.FinalState!), Serialized.Of(second.FinalState!));
    }

    [Fact]
    public void Run_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => JourneySimulator.Run(null!, Script([])));
        Assert.Throws<ArgumentNullException>(() => JourneySimulator.Run(SampleJourneys.BillPayment, null!));
    }

    private static SimulationTrace Run(params SimulationEvent[] events) =>
        JourneySimulator.Run(SampleJourneys.BillPayment, Script(events));

    private static SimulationScript Script(IReadOnlyList<SimulationEvent> events, TimeSpan? runFor = null) =>
        new(Touchpoints.CustomerId, Clock.T0, events, runFor ?? SimulationScript.DefaultRunFor, null, null, null);

    private static SimulationEvent Event(double day, string type, string? data = null) =>
        new(Clock.Day(day), type, null, null, Json.ParseOrNull(data));
}
