using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Tests.Processing;

public sealed class CustomerProcessorTests : IDisposable
{
    private const string Customer = "cust-1";
    private const string BillInstance = "bill-payment:cust-1:tp-1";
    private readonly TestRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task ApplyTouchpointAsync_Trigger_StartsInstanceWithDirectoryTimerActionsAndTimeline()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);

        var result = await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));

        Assert.Equal(ProcessStatus.Applied, result.Status);
        var location = await _runtime.Directory.FindAsync(BillInstance, CancellationToken.None);
        Assert.Equal(new InstanceLocation(BillInstance, Customer, "bill-payment", 1, TestRuntime.T0), location);
        Assert.Equal(new DueTimer(Customer, BillInstance, TestRuntime.T0.AddDays(3)), await _runtime.Timers.GetEarliestAsync(CancellationToken.None));

        var instance = await _runtime.InstanceAsync(Customer, BillInstance);
        Assert.Equal(InstanceRuntimeStatus.Running, instance.RuntimeStatus);
        Assert.Equal("wait-pay", instance.State.CurrentStep);

        string[] keys = [$"{BillInstance}/notify/2", $"{BillInstance}/pay-link/3"];
        var sent = _runtime.SentActions.Sent;
        Assert.Equal(keys, sent.Select(a => a.IdempotencyKey));
        Assert.Equal(["email/invoice-ready", "web/payment-link"], sent.Select(a => $"{a.Channel}/{a.Action}"));
        Assert.All(sent, a => Assert.Equal((Customer, "bill-payment", 1, BillInstance), (a.CustomerId, a.JourneyId, a.Version, a.InstanceId)));
        Assert.Equal("inv-tp-1", sent[0].Data!.Value.GetProperty("invoiceId").GetString());
        Assert.Empty(await _runtime.UndispatchedAsync());

        var entry = Assert.Single(await _runtime.TimelineAsync(Customer));
        Assert.Equal((1L, "touchpoint", "tp-1"), (entry.Sequence, entry.Kind, entry.Touchpoint?.Id));
        Assert.Equal(DecisionKind.Started, entry.Decisions[0].Decision.Kind);
        Assert.Equal("wait-pay", entry.Decisions[^1].Decision.Step);
        Assert.All(entry.Decisions, d => Assert.Equal((BillInstance, "bill-payment"), (d.InstanceId, d.JourneyId)));
        Assert.Equal(keys, entry.Actions.Select(a => a.IdempotencyKey));
        Assert.Equal(entry.Sequence, result.Entry?.Sequence);

        var customer = (await _runtime.Store.LoadAsync(Customer, null, CancellationToken.None)).Customer;
        Assert.Equal(1, customer.Sequence);
        Assert.Equal(new(1, 1, TestRuntime.T0), customer.Entries["bill-payment"]);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_SameTouchpointAgain_DuplicateWithoutSecondAction()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));

        var again = await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));

        Assert.Equal(new ProcessResult(ProcessStatus.Duplicate, null), again);
        Assert.Equal(2, _runtime.SentActions.Sent.Count);
        Assert.Single(await _runtime.TimelineAsync(Customer));
        Assert.Equal(1, _runtime.Customers.CommitAttempts);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_RedeliveryTheLoadCannotTell_DuplicateFromTheCommitWithoutRetryOrAction()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));
        _runtime.Customers.ForgetSeenOnLoad = true;

        var again = await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));

        Assert.Equal(new ProcessResult(ProcessStatus.Duplicate, null), again);
        Assert.Equal(2, _runtime.SentActions.Sent.Count);
        Assert.Single(await _runtime.TimelineAsync(Customer));
        Assert.Equal(2, _runtime.Customers.CommitAttempts);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_AwaitedByInstance_AdvancesIt()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));
        _runtime.Clock.Advance(TimeSpan.FromHours(5));

        var result = await _runtime.ApplyAsync(TestEvents.Of("tp-2", "payment.failed", Customer, """{ "reason": "card-expired", "cardLast4": "4242" }"""));

        Assert.Equal(ProcessStatus.Applied, result.Status);
        var instance = await _runtime.InstanceAsync(Customer, BillInstance);
        Assert.Equal("wait-retry", instance.State.CurrentStep);
        var action = _runtime.SentActions.Sent[^1];
        Assert.Equal(($"{BillInstance}/update-card/6", "mobile", "update-card"), (action.IdempotencyKey, action.Channel, action.Action));
        Assert.Equal("4242", action.Data!.Value.GetProperty("cardLast4").GetString());
        Assert.Equal(
            [DecisionKind.EventMatched, DecisionKind.StepEntered, DecisionKind.BranchTaken, DecisionKind.StepEntered, DecisionKind.ActionRequested, DecisionKind.StepEntered],
            result.Entry!.Decisions.Select(d => d.Decision.Kind));
        Assert.Equal(new DueTimer(Customer, BillInstance, TestRuntime.T0.AddHours(5).AddDays(2)), (await _runtime.Timers.GetDueAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None))[0]);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_Unrelated_IgnoredButRecordedAndDeduped()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));
        var before = await _runtime.InstanceAsync(Customer, BillInstance);

        var result = await _runtime.ApplyAsync(TestEvents.Of("tp-2", "page.viewed", Customer));
        var again = await _runtime.ApplyAsync(TestEvents.Of("tp-2", "page.viewed", Customer));

        Assert.Equal(ProcessStatus.Ignored, result.Status);
        Assert.Equal(ProcessStatus.Duplicate, again.Status);
        var timeline = await _runtime.TimelineAsync(Customer);
        Assert.Equal([1L, 2L], timeline.Select(e => e.Sequence));
        var ignored = timeline[1];
        Assert.Equal(("touchpoint", "tp-2"), (ignored.Kind, ignored.Touchpoint?.Id));
        Assert.Empty(ignored.Decisions);
        Assert.Empty(ignored.Actions);
        Assert.Empty(ignored.Notes);
        Assert.Equal(before.ETag, (await _runtime.InstanceAsync(Customer, BillInstance)).ETag);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_NewCustomerUnrelated_IgnoredAndRecorded()
    {
        var result = await _runtime.ApplyAsync(TestEvents.Of("tp-1", "page.viewed", "cust-new"));

        Assert.Equal(ProcessStatus.Ignored, result.Status);
        Assert.Equal(1L, Assert.Single(await _runtime.TimelineAsync("cust-new")).Sequence);
        Assert.Equal(ProcessStatus.Duplicate, (await _runtime.ApplyAsync(TestEvents.Of("tp-1", "page.viewed", "cust-new"))).Status);
    }

    [Fact]
    public async Task ApplyWakeUpAsync_ClockPastWaitForTimeout_MovesToTimeoutStep()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));
        _runtime.Clock.Advance(TimeSpan.FromDays(3));

        var result = await _runtime.Processor.ApplyWakeUpAsync(Customer, BillInstance, CancellationToken.None);

        Assert.Equal(ProcessStatus.Applied, result.Status);
        Assert.Equal(("wakeUp", null), (result.Entry!.Kind, result.Entry.Touchpoint));
        var timedOut = result.Entry.Decisions[0].Decision;
        Assert.Equal((DecisionKind.TimedOut, "wait-pay", "sms-reminder"), (timedOut.Kind, timedOut.Step, timedOut.Next));
        Assert.Equal("wait-after-sms", (await _runtime.InstanceAsync(Customer, BillInstance)).State.CurrentStep);
        Assert.Equal("payment-reminder", _runtime.SentActions.Sent[^1].Action);
        var timers = await _runtime.Timers.GetDueAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None);
        Assert.Contains(new DueTimer(Customer, BillInstance, TestRuntime.T0.AddDays(7)), timers);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(71)]
    public async Task ApplyWakeUpAsync_BeforeDeadline_NothingDueAndNothingWritten(int hoursLater)
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));
        _runtime.Clock.Advance(TimeSpan.FromHours(hoursLater));

        var result = await _runtime.Processor.ApplyWakeUpAsync(Customer, BillInstance, CancellationToken.None);

        Assert.Equal(new ProcessResult(ProcessStatus.NothingDue, null), result);
        Assert.Single(await _runtime.TimelineAsync(Customer));
        Assert.Equal(1, _runtime.Customers.CommitAttempts);
    }

    [Fact]
    public async Task ApplyWakeUpAsync_CompletedOrUnknownInstance_NothingDue()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));
        await _runtime.ApplyAsync(TestEvents.Of("tp-2", "payment.completed", Customer));
        _runtime.Clock.Advance(TimeSpan.FromDays(3));

        var completed = await _runtime.Processor.ApplyWakeUpAsync(Customer, BillInstance, CancellationToken.None);
        var unknown = await _runtime.Processor.ApplyWakeUpAsync(Customer, "bill-payment:cust-1:nope", CancellationToken.None);

        Assert.Equal(ProcessStatus.NothingDue, completed.Status);
        Assert.Equal(ProcessStatus.NothingDue, unknown.Status);
        Assert.Equal(2, (await _runtime.TimelineAsync(Customer)).Count);
    }

    [Fact]
    public async Task ApplyToInstanceAsync_Stop_CompletesWithStoppedOutcome()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));

        var result = await _runtime.Processor.ApplyToInstanceAsync(Customer, BillInstance, new StopRequested("ops"), OperatorCommand.Stop, CancellationToken.None);

        Assert.Equal(("stop", ProcessStatus.Applied), (result.Entry!.Kind, result.Status));
        var instance = await _runtime.InstanceAsync(Customer, BillInstance);
        Assert.Equal((InstanceRuntimeStatus.Completed, JourneyOutcome.Stopped), (instance.RuntimeStatus, instance.State.Outcome));
        var customer = (await _runtime.Store.LoadAsync(Customer, null, CancellationToken.None)).Customer;
        Assert.Equal(0, customer.Entries["bill-payment"].Active);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_ConflictOnFirstCommit_RetriedWithExactlyOneEffect()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        _runtime.Customers.ConflictOnNextCommits(1);

        var result = await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));

        Assert.Equal(ProcessStatus.Applied, result.Status);
        Assert.Equal(2, _runtime.Customers.CommitAttempts);
        Assert.Equal(1L, Assert.Single(await _runtime.TimelineAsync(Customer)).Sequence);
        Assert.Equal([$"{BillInstance}/notify/2", $"{BillInstance}/pay-link/3"], _runtime.SentActions.Sent.Select(a => a.IdempotencyKey));
        Assert.Single(await _runtime.Store.ListInstancesAsync(Customer, CancellationToken.None));
        Assert.Equal(1, (await _runtime.Store.LoadAsync(Customer, null, CancellationToken.None)).Customer.Entries["bill-payment"].Count);
        Assert.Single(await _runtime.Timers.GetDueAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ApplyTouchpointAsync_ConflictOnEveryCommit_GivesUpAfterMaxRetriesWithoutEffect()
    {
        using var runtime = new TestRuntime(new ApplicationOptions { MaxConflictRetries = 3 });
        await runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        runtime.Customers.ConflictOnNextCommits(int.MaxValue);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer)));

        Assert.Equal(3, runtime.Customers.CommitAttempts);
        Assert.Empty(runtime.SentActions.Sent);
        Assert.Empty(await runtime.TimelineAsync(Customer));
    }

    [Fact]
    public async Task ApplyTouchpointAsync_TwentyConcurrentTouchpoints_AppliedOneAtATimeInOneOrder()
    {
        await _runtime.DeployAsync("pinger", SampleJourneys.PingerJson);
        await _runtime.ApplyAsync(TestEvents.Of("start", "ping.start", Customer));
        _runtime.Customers.YieldAfterLoad = true;

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(n =>
            Task.Run(() => _runtime.ApplyAsync(TestEvents.Of($"ping-{n}", "ping", Customer, $$"""{ "n": {{n}} }""")))));

        Assert.All(results, r => Assert.Equal(ProcessStatus.Applied, r.Status));
        await AssertPingsAppliedInOneOrderAsync(20);

        // One process serialises a customer's inputs itself: none of them lost a write race and retried, and those
        // that waited for the customer together were committed together.
        Assert.InRange(_runtime.Customers.CommitAttempts, 1 + 2, 1 + 20);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_TouchpointsWaitingForTheCustomerTogether_OneCommitInArrivalOrder()
    {
        await _runtime.DeployAsync("pinger", SampleJourneys.PingerJson);
        await _runtime.ApplyAsync(TestEvents.Of("start", "ping.start", Customer));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        _runtime.Customers.BeforeLoad = async _ =>
        {
            if (Interlocked.Increment(ref loads) == 1)
            {
                await gate.Task;
            }
        };

        // The first holds the customer's lock, its load stopped at the gate; the next five wait for the lock together.
        var first = _runtime.ApplyAsync(Ping(1));
        var waiting = Enumerable.Range(2, 5).Select(n => _runtime.ApplyAsync(Ping(n))).ToArray();
        gate.SetResult();
        var results = await Task.WhenAll([first, .. waiting]).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(results, r => Assert.Equal(ProcessStatus.Applied, r.Status));
        Assert.Equal(1 + 1 + 1, _runtime.Customers.CommitAttempts);
        Assert.Equal(["start", "ping-1", "ping-2", "ping-3", "ping-4", "ping-5", "ping-6"], (await _runtime.TimelineAsync(Customer)).Select(e => e.Touchpoint!.Id));
        Assert.Equal(results.Select(r => r.Entry!.Sequence), [2L, 3L, 4L, 5L, 6L, 7L]);
        await AssertPingsAppliedInOneOrderAsync(6);
    }

    private static Touchpoint Ping(int n) => TestEvents.Of($"ping-{n}", "ping", Customer, $$"""{ "n": {{n}} }""");

    [Fact]
    public async Task ApplyTouchpointAsync_TwoProcessorsOnOneStore_ConflictsRetriedAndNoUpdateLost()
    {
        // Two processors hold separate in-process locks, as two processes would: only the ETags keep order.
        await _runtime.DeployAsync("pinger", SampleJourneys.PingerJson);
        await _runtime.ApplyAsync(TestEvents.Of("start", "ping.start", Customer));
        var processors = new[] { _runtime.Processor, _runtime.CreateProcessor() };
        _runtime.Customers.YieldAfterLoad = true;

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(n =>
            Task.Run(() => processors[n % 2].ApplyTouchpointAsync(TestEvents.Of($"ping-{n}", "ping", Customer, $$"""{ "n": {{n}} }"""), CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(ProcessStatus.Applied, r.Status));
        await AssertPingsAppliedInOneOrderAsync(20);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_OtherProcessCommitsBetweenReadAndWrite_ReloadsAndAppliesOnTop()
    {
        await _runtime.DeployAsync("pinger", SampleJourneys.PingerJson);
        await _runtime.ApplyAsync(TestEvents.Of("start", "ping.start", Customer));
        var otherProcess = _runtime.CreateProcessor();
        ProcessResult? raced = null;
        _runtime.Customers.BeforeNextCommit = async () =>
            raced = await otherProcess.ApplyTouchpointAsync(TestEvents.Of("ping-2", "ping", Customer, """{ "n": 2 }"""), CancellationToken.None);

        var result = await _runtime.ApplyAsync(TestEvents.Of("ping-1", "ping", Customer, """{ "n": 1 }"""));

        Assert.Equal((ProcessStatus.Applied, ProcessStatus.Applied), (raced?.Status, result.Status));
        Assert.Equal(1 + 3, _runtime.Customers.CommitAttempts);
        var timeline = await _runtime.TimelineAsync(Customer);
        Assert.Equal([(1L, "start"), (2L, "ping-2"), (3L, "ping-1")], timeline.Select(e => (e.Sequence, e.Touchpoint!.Id)));
        Assert.Equal(5, (await _runtime.InstanceAsync(Customer, "pinger:cust-1:start")).State.StepVisits);
        Assert.Equal(["pinger:cust-1:start/pong/2", "pinger:cust-1:start/pong/4"], _runtime.SentActions.Sent.Select(a => a.IdempotencyKey));
    }

    [Fact]
    public async Task ApplyTouchpointAsync_OtherProcessAppliedSameTouchpointMeanwhile_Duplicate()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        var otherProcess = _runtime.CreateProcessor();
        _runtime.Customers.BeforeNextCommit = () => otherProcess.ApplyTouchpointAsync(TestEvents.Invoice("tp-1", Customer), CancellationToken.None);

        var result = await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));

        Assert.Equal(ProcessStatus.Duplicate, result.Status);
        Assert.Single(await _runtime.TimelineAsync(Customer));
        Assert.Equal(2, _runtime.SentActions.Sent.Count);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_InstanceCompletes_ActiveCountDropsAndAfterExitReentryAllowedAgain()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.SupportCase);
        await _runtime.ApplyAsync(TestEvents.Of("c-1", "case.opened", Customer, """{ "caseId": "1" }"""));

        var refused = await _runtime.ApplyAsync(TestEvents.Of("c-2", "case.opened", Customer, """{ "caseId": "2" }"""));
        await _runtime.ApplyAsync(TestEvents.Of("w-1", "case.withdrawn", Customer));
        var history = (await _runtime.Store.LoadAsync(Customer, null, CancellationToken.None)).Customer.Entries["support-case"];
        var reentered = await _runtime.ApplyAsync(TestEvents.Of("c-3", "case.opened", Customer, """{ "caseId": "3" }"""));

        Assert.Equal(["support-case: entry refused (the customer already has an active instance)"], refused.Entry!.Notes);
        Assert.Equal((1, 0), (history.Count, history.Active));
        Assert.Equal(ProcessStatus.Applied, reentered.Status);
        var instances = await _runtime.Store.ListInstancesAsync(Customer, CancellationToken.None);
        Assert.Equal(
            [("support-case:cust-1:c-1", InstanceRuntimeStatus.Completed, (JourneyOutcome?)JourneyOutcome.Exited), ("support-case:cust-1:c-3", InstanceRuntimeStatus.Running, null)],
            instances.Select(i => (i.InstanceId, i.RuntimeStatus, i.State.Outcome)));
        var after = (await _runtime.Store.LoadAsync(Customer, null, CancellationToken.None)).Customer.Entries["support-case"];
        Assert.Equal((2, 1), (after.Count, after.Active));
    }

    [Fact]
    public async Task ApplyTouchpointAsync_TimerStored_RaisesTimerScheduledWithDueTime()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        var raised = new List<DateTimeOffset>();
        _runtime.Processor.TimerScheduled += raised.Add;

        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));
        await _runtime.ApplyAsync(TestEvents.Of("tp-2", "page.viewed", Customer));

        Assert.Equal([TestRuntime.T0.AddDays(3)], raised);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_TriggerCompletesAtOnce_NotCountedActive()
    {
        const string Instant = """
            { "id": "instant", "name": "Instant", "entry": { "event": "hello", "reentry": "afterExit" }, "start": "bye",
              "steps": { "bye": { "type": "end", "outcome": "success" } } }
            """;
        await _runtime.DeployAsync("instant", Instant);

        await _runtime.ApplyAsync(TestEvents.Of("h-1", "hello", Customer));
        var second = await _runtime.ApplyAsync(TestEvents.Of("h-2", "hello", Customer));

        Assert.Empty(second.Entry!.Notes);
        var history = (await _runtime.Store.LoadAsync(Customer, null, CancellationToken.None)).Customer.Entries["instant"];
        Assert.Equal((2, 0), (history.Count, history.Active));
        Assert.Null(await _runtime.Timers.GetEarliestAsync(CancellationToken.None));
    }

    private async Task AssertPingsAppliedInOneOrderAsync(int pings)
    {
        var timeline = await _runtime.TimelineAsync(Customer);
        Assert.Equal(Enumerable.Range(1, pings + 1).Select(i => (long)i), timeline.Select(e => e.Sequence));
        Assert.All(timeline.Skip(1), e => Assert.Single(e.Decisions, d => d.Decision.Kind == DecisionKind.EventMatched));

        var instance = await _runtime.InstanceAsync(Customer, "pinger:cust-1:start");
        Assert.Equal(1 + (2 * pings), instance.State.StepVisits);

        // The actions went out in the order the pings were committed, each once.
        var sent = _runtime.SentActions.Sent;
        var committed = timeline.Skip(1).Select(e => e.Touchpoint!.Data!.Value.GetProperty("n").GetInt32()).ToArray();
        Assert.Equal(Enumerable.Range(1, pings), committed.Order());
        Assert.Equal(committed, sent.Select(a => a.Data!.Value.GetProperty("n").GetInt32()));
        Assert.Equal(pings, sent.Select(a => a.IdempotencyKey).Distinct().Count());
        Assert.Empty(await _runtime.UndispatchedAsync());
    }
}
