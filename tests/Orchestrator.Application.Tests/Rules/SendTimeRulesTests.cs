using System.Diagnostics.Metrics;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Rules;
using Orchestrator.Application.Tests.Support;

namespace Orchestrator.Application.Tests.Rules;

/// <summary>The send-time rules as the customer processor applies them, on the in-memory stores and a fake clock.</summary>
public sealed class SendTimeRulesTests : IDisposable
{
    private const string Customer = "cust-1";
    private readonly TestRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task ApplyWakeUpAsync_SuppressingJourneyStartedDuringDelay_SendSkippedAndRecordedSuppressed()
    {
        await _runtime.DeployAsync("case", Waiter("case", "case.opened", "case.closed"));
        await _runtime.DeployAsync("offer", DelayedSender("offer", "offer.due", "email", category: "marketing", priority: 10, suppress: "case"));
        await _runtime.ApplyAsync(TestEvents.Of("o-1", "offer.due", Customer));
        await _runtime.ApplyAsync(TestEvents.Of("c-1", "case.opened", Customer));

        _runtime.Clock.Advance(TimeSpan.FromDays(1));
        var result = await _runtime.Processor.ApplyWakeUpAsync(Customer, "offer:cust-1:o-1", CancellationToken.None);

        Assert.Empty(result.Entry!.Actions);
        var withheld = Assert.Single(result.Entry.Withheld);
        Assert.Equal(("offer:cust-1:o-1", "offer", "offer:cust-1:o-1/send/2", SendVerdictKind.Suppressed), (withheld.InstanceId, withheld.JourneyId, withheld.IdempotencyKey, withheld.Verdict));
        Assert.Contains("'case' is active", withheld.Reason, StringComparison.Ordinal);
        Assert.Empty(_runtime.SentActions.Sent);
        Assert.Equal(withheld, Assert.Single((await _runtime.TimelineAsync(Customer))[^1].Withheld));
    }

    [Fact]
    public async Task ApplyWakeUpAsync_SuppressingJourneyEndedDuringDelay_SendGoesOut()
    {
        await _runtime.DeployAsync("case", Waiter("case", "case.opened", "case.closed"));
        await _runtime.DeployAsync("offer", DelayedSender("offer", "offer.due", "email", category: "marketing", priority: 10, suppress: "case"));
        await _runtime.ApplyAsync(TestEvents.Of("o-1", "offer.due", Customer));
        await _runtime.ApplyAsync(TestEvents.Of("c-1", "case.opened", Customer));
        await _runtime.ApplyAsync(TestEvents.Of("c-2", "case.closed", Customer));

        _runtime.Clock.Advance(TimeSpan.FromDays(1));
        var result = await _runtime.Processor.ApplyWakeUpAsync(Customer, "offer:cust-1:o-1", CancellationToken.None);

        Assert.Single(result.Entry!.Actions);
        Assert.Empty(result.Entry.Withheld);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_FourthMarketingSendInSevenDaysAcrossJourneys_SkippedAsCapped()
    {
        await _runtime.DeployAsync("promo-a", Sender("promo-a", "a.due", "email", category: "marketing", priority: 10));
        await _runtime.DeployAsync("promo-b", Sender("promo-b", "b.due", "push", category: "marketing", priority: 10));
        string[] types = ["a.due", "b.due", "a.due"];
        for (var i = 0; i < types.Length; i++)
        {
            var sent = await _runtime.ApplyAsync(TestEvents.Of($"tp-{i}", types[i], Customer));
            Assert.Single(sent.Entry!.Actions);
            _runtime.Clock.Advance(TimeSpan.FromDays(2));
        }

        var fourth = await _runtime.ApplyAsync(TestEvents.Of("tp-3", "b.due", Customer));

        Assert.Empty(fourth.Entry!.Actions);
        Assert.Equal(SendVerdictKind.Capped, Assert.Single(fourth.Entry.Withheld).Verdict);
        Assert.Equal(3, _runtime.SentActions.Sent.Count);
        var sends = (await _runtime.Store.LoadAsync(Customer, null, CancellationToken.None)).Customer.Sends;
        Assert.Equal(["promo-a", "promo-b", "promo-a"], sends.Select(s => s.JourneyId));
    }

    [Fact]
    public async Task ApplyTouchpointAsync_CapPeriodPassed_OldSendsPrunedAndSendGoesOut()
    {
        await _runtime.DeployAsync("promo-a", Sender("promo-a", "a.due", "email", category: "marketing", priority: 10));
        for (var i = 0; i < 3; i++)
        {
            await _runtime.ApplyAsync(TestEvents.Of($"tp-{i}", "a.due", Customer));
        }

        _runtime.Clock.Advance(TimeSpan.FromDays(7));
        var later = await _runtime.ApplyAsync(TestEvents.Of("tp-3", "a.due", Customer));

        Assert.Single(later.Entry!.Actions);
        var sends = (await _runtime.Store.LoadAsync(Customer, null, CancellationToken.None)).Customer.Sends;
        Assert.Equal([_runtime.Clock.GetUtcNow()], sends.Select(s => s.At));
    }

    [Fact]
    public async Task ApplyWakeUpAsync_SmsAtTwentyTwoUtc_DeferredToEightAndSentWithOriginalKey()
    {
        await _runtime.DeployAsync("reminder", Sender("reminder", "reminder.due", "sms", category: "service", priority: 50));
        _runtime.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 3, 22, 0, 0, TimeSpan.Zero));
        var morning = new DateTimeOffset(2025, 3, 4, 8, 0, 0, TimeSpan.Zero);
        const string Instance = "reminder:cust-1:r-1";

        var night = await _runtime.ApplyAsync(TestEvents.Of("r-1", "reminder.due", Customer));

        Assert.Empty(night.Entry!.Actions);
        var deferred = Assert.Single(night.Entry.Withheld);
        Assert.Equal((SendVerdictKind.Deferred, morning), (deferred.Verdict, deferred.DeferredUntil));
        Assert.Empty(_runtime.SentActions.Sent);
        Assert.Equal(morning, Assert.Single((await _runtime.InstanceAsync(Customer, Instance)).Deferred).DueAt);
        Assert.Contains(new Ports.DueTimer(Customer, Instance, morning), await _runtime.Timers.GetDueAsync(morning, 10, CancellationToken.None));

        _runtime.Clock.SetUtcNow(morning);
        var released = await _runtime.Processor.ApplyWakeUpAsync(Customer, Instance, CancellationToken.None);

        Assert.Equal(ProcessStatus.Applied, released.Status);
        var sent = Assert.Single(_runtime.SentActions.Sent);
        Assert.Equal(deferred.IdempotencyKey, sent.IdempotencyKey);
        Assert.Equal(sent, Assert.Single(released.Entry!.Actions));
        Assert.Contains(released.Entry.Notes, n => n.Contains("deferred actions released", StringComparison.Ordinal));
        Assert.Empty((await _runtime.InstanceAsync(Customer, Instance)).Deferred);
        Assert.Equal(morning, Assert.Single((await _runtime.Store.LoadAsync(Customer, null, CancellationToken.None)).Customer.Sends).At);
    }

    [Fact]
    public async Task ApplyWakeUpAsync_BeforeDeferralIsDue_NothingDue()
    {
        await _runtime.DeployAsync("reminder", Sender("reminder", "reminder.due", "sms", category: "service", priority: 50));
        _runtime.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 3, 22, 0, 0, TimeSpan.Zero));
        await _runtime.ApplyAsync(TestEvents.Of("r-1", "reminder.due", Customer));

        _runtime.Clock.Advance(TimeSpan.FromHours(9));
        var early = await _runtime.Processor.ApplyWakeUpAsync(Customer, "reminder:cust-1:r-1", CancellationToken.None);

        Assert.Equal(ProcessStatus.NothingDue, early.Status);
        Assert.Empty(_runtime.SentActions.Sent);
    }

    [Fact]
    public async Task ResumeAsync_DeferralDueWhileSuspended_ReleasedOnResume()
    {
        const string Nagger = """
            { "id": "nagger", "name": "Nagger", "category": "service",
              "entry": { "event": "nag.start", "reentry": "never" },
              "start": "send",
              "steps": {
                "send": { "type": "send", "channel": "sms", "action": "nag", "next": "wait" },
                "wait": { "type": "waitFor", "events": [ { "event": "nag.stop", "next": "done" } ] },
                "done": { "type": "end", "outcome": "success" } } }
            """;
        await _runtime.DeployAsync("nagger", Nagger);
        _runtime.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 3, 22, 0, 0, TimeSpan.Zero));
        await _runtime.ApplyAsync(TestEvents.Of("n-1", "nag.start", Customer));
        const string Instance = "nagger:cust-1:n-1";
        await _runtime.Operations.SuspendAsync(Instance, "test", CancellationToken.None);

        _runtime.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 4, 8, 0, 0, TimeSpan.Zero));
        var whileSuspended = await _runtime.Processor.ApplyWakeUpAsync(Customer, Instance, CancellationToken.None);
        await _runtime.Operations.ResumeAsync(Instance, "test", CancellationToken.None);

        Assert.Equal(ProcessStatus.NothingDue, whileSuspended.Status);
        Assert.Equal([$"{Instance}/send/1"], _runtime.SentActions.Sent.Select(a => a.IdempotencyKey));
        Assert.Empty((await _runtime.InstanceAsync(Customer, Instance)).Deferred);
    }

    [Fact]
    public async Task ApplyWakeUpAsync_CapReachedWhileDeferred_ReleasedActionSkippedAsCapped()
    {
        await _runtime.DeployAsync("sms-promo", Sender("sms-promo", "sms.due", "sms", category: "marketing", priority: 10));
        await _runtime.DeployAsync("promo-a", Sender("promo-a", "a.due", "email", category: "marketing", priority: 10));
        _runtime.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 3, 22, 0, 0, TimeSpan.Zero));
        await _runtime.ApplyAsync(TestEvents.Of("s-1", "sms.due", Customer));
        for (var i = 0; i < 3; i++)
        {
            await _runtime.ApplyAsync(TestEvents.Of($"a-{i}", "a.due", Customer));
        }

        _runtime.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 4, 8, 0, 0, TimeSpan.Zero));
        var released = await _runtime.Processor.ApplyWakeUpAsync(Customer, "sms-promo:cust-1:s-1", CancellationToken.None);

        Assert.Equal(ProcessStatus.Applied, released.Status);
        Assert.Empty(released.Entry!.Actions);
        Assert.Equal(SendVerdictKind.Capped, Assert.Single(released.Entry.Withheld).Verdict);
        Assert.DoesNotContain(_runtime.SentActions.Sent, a => a.Channel == "sms");
    }

    [Fact]
    public async Task ApplyTouchpointAsync_TwoJourneysEmailOnOneInput_OnlyHigherPrioritySent()
    {
        await _runtime.DeployAsync("low", Sender("low", "order.placed", "email", category: "service", priority: 10));
        await _runtime.DeployAsync("high", Sender("high", "order.placed", "email", category: "service", priority: 90));

        var result = await _runtime.ApplyAsync(TestEvents.Of("o-1", "order.placed", Customer));

        Assert.Equal("high", Assert.Single(result.Entry!.Actions).JourneyId);
        var lost = Assert.Single(result.Entry.Withheld);
        Assert.Equal(("low", SendVerdictKind.LostPriority), (lost.JourneyId, lost.Verdict));
        Assert.Equal(["high"], _runtime.SentActions.Sent.Select(a => a.JourneyId));
    }

    [Fact]
    public async Task ApplyTouchpointAsync_LowerPriorityWithinCollisionWindowOfEarlierInput_LostPriority()
    {
        await _runtime.DeployAsync("low", Sender("low", "low.due", "email", category: "service", priority: 10));
        await _runtime.DeployAsync("high", Sender("high", "high.due", "email", category: "service", priority: 90));
        await _runtime.ApplyAsync(TestEvents.Of("h-1", "high.due", Customer));

        _runtime.Clock.Advance(TimeSpan.FromMinutes(30));
        var within = await _runtime.ApplyAsync(TestEvents.Of("l-1", "low.due", Customer));
        _runtime.Clock.Advance(TimeSpan.FromMinutes(31));
        var after = await _runtime.ApplyAsync(TestEvents.Of("l-2", "low.due", Customer));

        Assert.Equal(SendVerdictKind.LostPriority, Assert.Single(within.Entry!.Withheld).Verdict);
        Assert.Single(after.Entry!.Actions);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_SkippedSends_CounterIncrementedByReason()
    {
        await _runtime.DeployAsync("low", Sender("low", "order.placed", "email", category: "service", priority: 10));
        await _runtime.DeployAsync("high", Sender("high", "order.placed", "email", category: "service", priority: 90));
        var counted = new List<(long Value, string? Reason)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == SendMetrics.SkippedCounterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    lock (counted)
                    {
                        counted.Add((value, tag.Value as string));
                    }
                }
            }
        });
        listener.Start();

        await _runtime.ApplyAsync(TestEvents.Of("o-1", "order.placed", Customer));
        listener.Dispose();

        // The counter is process-wide; tests of other classes run in parallel but none of them loses on priority.
        lock (counted)
        {
            Assert.Contains((1L, "lostPriority"), counted);
        }
    }

    [Fact]
    public async Task ApplyTouchpointAsync_RulesNone_BothJourneysSend()
    {
        using var runtime = new TestRuntime(new ApplicationOptions { SendRules = SendRulesOptions.None });
        await runtime.DeployAsync("low", Sender("low", "order.placed", "email", category: "service", priority: 10));
        await runtime.DeployAsync("high", Sender("high", "order.placed", "sms", category: "service", priority: 90));
        runtime.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 3, 23, 0, 0, TimeSpan.Zero));

        var result = await runtime.Processor.ApplyTouchpointAsync(TestEvents.Of("o-1", "order.placed", Customer), CancellationToken.None);

        Assert.Equal(["high", "low"], result.Entry!.Actions.Select(a => a.JourneyId));
        Assert.Empty(result.Entry.Withheld);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_TimeZoneInTriggerData_QuietHoursInThatZone()
    {
        await _runtime.DeployAsync("reminder", Sender("reminder", "reminder.due", "sms", category: "service", priority: 50));

        // 09:00 UTC is 18:00 in Tokyo: not quiet there, whereas 13:00 UTC (22:00 in Tokyo) is.
        var day = await _runtime.ApplyAsync(TestEvents.Of("r-1", "reminder.due", Customer, """{ "timeZone": "Asia/Tokyo" }"""));
        _runtime.Clock.Advance(TimeSpan.FromHours(4));
        var night = await _runtime.ApplyAsync(TestEvents.Of("r-2", "reminder.due", Customer, """{ "timeZone": "Asia/Tokyo" }"""));

        Assert.Single(day.Entry!.Actions);
        var deferred = Assert.Single(night.Entry!.Withheld);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 23, 0, 0, TimeSpan.Zero), deferred.DeferredUntil);
    }

    /// <summary>A journey that sends one action on its trigger and ends.</summary>
    internal static string Sender(string id, string trigger, string channel, string category, int priority) =>
        $$"""
        { "id": "{{id}}", "name": "{{id}}", "category": "{{category}}", "priority": {{priority}},
          "entry": { "event": "{{trigger}}", "reentry": "always" },
          "start": "send",
          "steps": {
            "send": { "type": "send", "channel": "{{channel}}", "action": "{{id}}-message", "next": "done" },
            "done": { "type": "end", "outcome": "success" } } }
        """;

    /// <summary>A journey that waits a day after its trigger, then sends one action and ends.</summary>
    internal static string DelayedSender(string id, string trigger, string channel, string category, int priority, string suppress) =>
        $$"""
        { "id": "{{id}}", "name": "{{id}}", "category": "{{category}}", "priority": {{priority}},
          "entry": { "event": "{{trigger}}", "reentry": "always" },
          "suppressWhileActive": ["{{suppress}}"],
          "start": "wait",
          "steps": {
            "wait": { "type": "delay", "duration": "P1D", "next": "send" },
            "send": { "type": "send", "channel": "{{channel}}", "action": "{{id}}-message", "next": "done" },
            "done": { "type": "end", "outcome": "success" } } }
        """;

    /// <summary>A journey that stays active from its trigger until a closing event.</summary>
    internal static string Waiter(string id, string trigger, string close) =>
        $$"""
        { "id": "{{id}}", "name": "{{id}}", "category": "service", "priority": 200,
          "entry": { "event": "{{trigger}}", "reentry": "afterExit" },
          "start": "wait",
          "steps": {
            "wait": { "type": "waitFor", "events": [ { "event": "{{close}}", "next": "done" } ] },
            "done": { "type": "end", "outcome": "success" } } }
        """;
}
