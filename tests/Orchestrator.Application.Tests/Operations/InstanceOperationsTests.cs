using Orchestrator.Application.Instances;
using Orchestrator.Application.Operations;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Tests.Operations;

public sealed class InstanceOperationsTests : IDisposable
{
    private const string Customer = "cust-1";
    private const string Bill = "bill-payment:cust-1:tp-1";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TestRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task ResumeAsync_TouchpointsBufferedWhileSuspended_AppliesThemInArrivalOrder()
    {
        await StartBillAsync();
        Assert.Equal(OperationStatus.Accepted, await _runtime.Operations.SuspendAsync(Bill, "audit", None));

        // Failed first, then completed: applied in this order the instance offers a new card, then ends on the
        // goal; in the other order the goal would end it before the failure is seen.
        var failed = await _runtime.ApplyAsync(TestEvents.Of("tp-2", "payment.failed", Customer, """{ "reason": "card-expired" }"""));
        var paid = await _runtime.ApplyAsync(TestEvents.Of("tp-3", "payment.completed", Customer));

        Assert.Equal(ProcessStatus.Applied, failed.Status);
        Assert.Equal(ProcessStatus.Applied, paid.Status);
        var suspended = await _runtime.InstanceAsync(Customer, Bill);
        Assert.Equal(InstanceRuntimeStatus.Suspended, suspended.RuntimeStatus);
        Assert.Equal(["tp-2", "tp-3"], suspended.Buffered.Select(t => t.Id));
        Assert.Equal("wait-pay", suspended.State.CurrentStep);
        Assert.Equal(2, _runtime.SentActions.Sent.Count);

        Assert.Equal(OperationStatus.Accepted, await _runtime.Operations.ResumeAsync(Bill, "audit done", None));

        var resumed = await _runtime.InstanceAsync(Customer, Bill);
        Assert.Equal(InstanceRuntimeStatus.Completed, resumed.RuntimeStatus);
        Assert.Equal(JourneyOutcome.Success, resumed.State.Outcome);
        Assert.Empty(resumed.Buffered);
        Assert.Equal(["mobile/update-card"], _runtime.SentActions.Sent.Skip(2).Select(a => $"{a.Channel}/{a.Action}"));
        var entry = (await _runtime.TimelineAsync(Customer))[^1];
        Assert.Equal("resume", entry.Kind);
        Assert.Contains(entry.Notes, n => n.Contains("resumed by an operator: audit done", StringComparison.Ordinal));
        Assert.Equal(0, (await _runtime.Store.LoadAsync(Customer, null, None)).Customer.Entries["bill-payment"].Active);
    }

    [Fact]
    public async Task ApplyWakeUpAsync_Suspended_PostponedUntilResumeAppliesIt()
    {
        await StartBillAsync();
        await _runtime.Operations.SuspendAsync(Bill, null, None);
        _runtime.Clock.Advance(TimeSpan.FromDays(3));

        var woken = await _runtime.Processor.ApplyWakeUpAsync(Customer, Bill, None);

        Assert.Equal(ProcessStatus.NothingDue, woken.Status);
        Assert.Equal("wait-pay", (await _runtime.InstanceAsync(Customer, Bill)).State.CurrentStep);

        await _runtime.Operations.ResumeAsync(Bill, null, None);

        var resumed = await _runtime.InstanceAsync(Customer, Bill);
        Assert.Equal(InstanceRuntimeStatus.Running, resumed.RuntimeStatus);
        Assert.Equal("wait-after-sms", resumed.State.CurrentStep);
        Assert.Equal("sms/payment-reminder", $"{_runtime.SentActions.Sent[^1].Channel}/{_runtime.SentActions.Sent[^1].Action}");
    }

    [Fact]
    public async Task ResumeAsync_NoDeadlinePassed_OnlyClearsSuspension()
    {
        await StartBillAsync();
        await _runtime.Operations.SuspendAsync(Bill, null, None);

        await _runtime.Operations.ResumeAsync(Bill, null, None);

        var resumed = await _runtime.InstanceAsync(Customer, Bill);
        Assert.Equal((InstanceRuntimeStatus.Running, "wait-pay"), (resumed.RuntimeStatus, resumed.State.CurrentStep));
        Assert.Equal(2, _runtime.SentActions.Sent.Count);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_SuspendedBufferFull_KeepsOldestAndSendsOverflowToPoison()
    {
        await StartBillAsync();
        await _runtime.Operations.SuspendAsync(Bill, null, None);
        for (var i = 0; i < InstanceRecord.MaxBuffered; i++)
        {
            await _runtime.ApplyAsync(TestEvents.Of($"f-{i}", "payment.failed", Customer));
        }

        var overflow = await _runtime.ApplyAsync(TestEvents.Of("f-over", "payment.failed", Customer));

        Assert.Equal(ProcessStatus.Ignored, overflow.Status);
        var instance = await _runtime.InstanceAsync(Customer, Bill);
        Assert.Equal(InstanceRecord.MaxBuffered, instance.Buffered.Count);
        Assert.Equal(("f-0", "f-99"), (instance.Buffered[0].Id, instance.Buffered[^1].Id));
        var poison = Assert.Single(await _runtime.Poison.ListAsync(10, None));
        Assert.Equal($"overflow-{Bill}-f-over", poison.Id);
        Assert.Contains("buffer is full", poison.Reason, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"f-over\"", poison.Body, StringComparison.Ordinal);
        Assert.Contains(overflow.Entry!.Notes, n => n.Contains(poison.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TerminateAsync_Running_EndsStoppedWithReasonAndSecondTerminateIsGone()
    {
        await StartBillAsync();

        var first = await _runtime.Operations.TerminateAsync(Bill, "customer asked", None);
        var second = await _runtime.Operations.TerminateAsync(Bill, "again", None);

        Assert.Equal((OperationStatus.Accepted, OperationStatus.Gone), (first, second));
        var instance = await _runtime.InstanceAsync(Customer, Bill);
        Assert.Equal(InstanceRuntimeStatus.Terminated, instance.RuntimeStatus);
        Assert.Equal((JourneyStatus.Completed, JourneyOutcome.Stopped, "customer asked"), (instance.State.Status, instance.State.Outcome, instance.State.Reason));
        var entry = (await _runtime.TimelineAsync(Customer))[^1];
        Assert.Equal("terminate", entry.Kind);
        Assert.Contains(entry.Decisions, d => d.Decision.Kind == DecisionKind.Stopped);
        Assert.Contains(entry.Notes, n => n.Contains("terminated by an operator: customer asked", StringComparison.Ordinal));
        Assert.Equal(0, (await _runtime.Store.LoadAsync(Customer, null, None)).Customer.Entries["bill-payment"].Active);
    }

    [Fact]
    public async Task TerminateAsync_SuspendedWithBuffer_NotesTheDiscardedTouchpoints()
    {
        await StartBillAsync();
        await _runtime.Operations.SuspendAsync(Bill, null, None);
        await _runtime.ApplyAsync(TestEvents.Of("tp-2", "payment.failed", Customer));

        await _runtime.Operations.TerminateAsync(Bill, null, None);

        var instance = await _runtime.InstanceAsync(Customer, Bill);
        Assert.Equal(InstanceRuntimeStatus.Terminated, instance.RuntimeStatus);
        Assert.Empty(instance.Buffered);
        Assert.Contains((await _runtime.TimelineAsync(Customer))[^1].Notes, n => n.Contains("1 buffered touchpoint(s) not applied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Commands_UnknownInstance_NotFound()
    {
        Assert.Equal(OperationStatus.NotFound, await _runtime.Operations.TerminateAsync("nope", null, None));
        Assert.Equal(OperationStatus.NotFound, await _runtime.Operations.SuspendAsync("nope", null, None));
        Assert.Equal(OperationStatus.NotFound, await _runtime.Operations.ResumeAsync("nope", null, None));
        Assert.Equal(OperationStatus.NotFound, await _runtime.Operations.RaiseEventAsync("nope", "payment.failed", null, None));
        Assert.Equal(PurgeStatus.NotFound, await _runtime.Operations.PurgeAsync("nope", None));
    }

    [Fact]
    public async Task Commands_CompletedInstance_Gone()
    {
        await StartBillAsync();
        await _runtime.ApplyAsync(TestEvents.Of("tp-2", "payment.completed", Customer));

        Assert.Equal(OperationStatus.Gone, await _runtime.Operations.SuspendAsync(Bill, null, None));
        Assert.Equal(OperationStatus.Gone, await _runtime.Operations.ResumeAsync(Bill, null, None));
        Assert.Equal(OperationStatus.Gone, await _runtime.Operations.RaiseEventAsync(Bill, "payment.failed", null, None));
    }

    [Fact]
    public async Task SuspendAsync_AlreadySuspended_AcceptedWithoutAnotherWrite()
    {
        await StartBillAsync();
        await _runtime.Operations.SuspendAsync(Bill, null, None);
        var commits = _runtime.Customers.CommitAttempts;

        Assert.Equal(OperationStatus.Accepted, await _runtime.Operations.SuspendAsync(Bill, null, None));

        Assert.Equal(commits, _runtime.Customers.CommitAttempts);
    }

    [Fact]
    public async Task RaiseEventAsync_Running_AppliesToThatInstanceOnly()
    {
        await StartBillAsync();
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-9", "cust-2"));

        var status = await _runtime.Operations.RaiseEventAsync(Bill, "payment.failed", Json.ParseOrNull("""{ "reason": "card-expired" }"""), None);

        Assert.Equal(OperationStatus.Accepted, status);
        Assert.Equal("wait-retry", (await _runtime.InstanceAsync(Customer, Bill)).State.CurrentStep);
        Assert.Equal("wait-pay", (await _runtime.InstanceAsync("cust-2", "bill-payment:cust-2:tp-9")).State.CurrentStep);
        var entry = (await _runtime.TimelineAsync(Customer))[^1];
        Assert.Equal(("raiseEvent", "payment.failed", InstanceOperations.RaisedEventSource), (entry.Kind, entry.Touchpoint?.Type, entry.Touchpoint?.Source));
    }

    [Fact]
    public async Task RaiseEventAsync_EventNotAwaited_AcceptedAndRecordedWithoutChange()
    {
        await StartBillAsync();

        var status = await _runtime.Operations.RaiseEventAsync(Bill, "newsletter.opened", null, None);

        Assert.Equal(OperationStatus.Accepted, status);
        Assert.Equal("wait-pay", (await _runtime.InstanceAsync(Customer, Bill)).State.CurrentStep);
        var entry = (await _runtime.TimelineAsync(Customer))[^1];
        Assert.Equal(("raiseEvent", "newsletter.opened"), (entry.Kind, entry.Touchpoint?.Type));
        Assert.Empty(entry.Decisions);
    }

    [Fact]
    public async Task RaiseEventAsync_Suspended_BuffersItForResume()
    {
        await StartBillAsync();
        await _runtime.Operations.SuspendAsync(Bill, null, None);

        await _runtime.Operations.RaiseEventAsync(Bill, "payment.failed", null, None);

        var instance = await _runtime.InstanceAsync(Customer, Bill);
        Assert.Equal("payment.failed", Assert.Single(instance.Buffered).Type);
        Assert.Equal("wait-pay", instance.State.CurrentStep);
    }

    [Fact]
    public async Task PurgeAsync_Terminated_RemovesInstanceAndDirectoryEntry()
    {
        await StartBillAsync();
        await _runtime.Operations.TerminateAsync(Bill, null, None);

        Assert.Equal(PurgeStatus.Purged, await _runtime.Operations.PurgeAsync(Bill, None));

        Assert.Null(await _runtime.Store.GetInstanceAsync(Customer, Bill, None));
        Assert.Null(await _runtime.Directory.FindAsync(Bill, None));
        Assert.Null(await _runtime.Queries.GetStatusAsync(Bill, false, None));
        Assert.Equal(PurgeStatus.NotFound, await _runtime.Operations.PurgeAsync(Bill, None));
    }

    [Fact]
    public async Task PurgeAsync_Running_RefusedAsActive()
    {
        await StartBillAsync();

        Assert.Equal(PurgeStatus.Active, await _runtime.Operations.PurgeAsync(Bill, None));

        Assert.NotNull(await _runtime.Store.GetInstanceAsync(Customer, Bill, None));
    }

    [Fact]
    public async Task TerminateAsync_WriteRace_RetriedAndApplied()
    {
        await StartBillAsync();
        _runtime.Customers.ConflictOnNextCommits(1);

        Assert.Equal(OperationStatus.Accepted, await _runtime.Operations.TerminateAsync(Bill, null, None));

        Assert.Equal(InstanceRuntimeStatus.Terminated, (await _runtime.InstanceAsync(Customer, Bill)).RuntimeStatus);
    }

    private async Task StartBillAsync()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        Assert.Equal(ProcessStatus.Applied, (await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer))).Status);
    }
}
