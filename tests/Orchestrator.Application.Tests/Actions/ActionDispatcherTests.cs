using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Tests.Support;

namespace Orchestrator.Application.Tests.Actions;

public sealed class ActionDispatcherTests : IDisposable
{
    private const string Customer = "cust-1";
    private const string Instance = "bill-payment:cust-1:tp-1";
    private static readonly string[] Keys = [$"{Instance}/notify/2", $"{Instance}/pay-link/3"];
    private readonly TestRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task DispatchAsync_SinkFails_ProcessingSucceedsAndActionsStayInOutbox()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        _runtime.Sink.FailAfter = 0;

        var result = await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));

        Assert.Equal(ProcessStatus.Applied, result.Status);
        Assert.Empty(_runtime.SentActions.Sent);
        Assert.Equal(Keys, (await _runtime.OutboxAsync()).Select(a => a.IdempotencyKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RecoverAsync_AfterFailedDispatch_SendsWithSameKeysAndEmptiesOutbox()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        _runtime.Sink.FailAfter = 0;
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));
        var pending = await _runtime.OutboxAsync();
        _runtime.Sink.FailAfter = null;

        var recovered = await _runtime.Dispatcher.RecoverAsync(CancellationToken.None);

        Assert.Equal(2, recovered);
        Assert.Equal(Keys, _runtime.SentActions.Sent.Select(a => a.IdempotencyKey).Order(StringComparer.Ordinal));
        Assert.Equal(
            pending.Select(a => (a.IdempotencyKey, a.Channel, a.Action, a.InstanceId, a.CreatedAt)).Order(),
            _runtime.SentActions.Sent.Select(a => (a.IdempotencyKey, a.Channel, a.Action, a.InstanceId, a.CreatedAt)).Order());
        Assert.Empty(await _runtime.OutboxAsync());
        Assert.Equal(0, await _runtime.Dispatcher.RecoverAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RecoverAsync_SinkFailedMidway_SendsOnlyTheUnsentActionAndEmptiesOutbox()
    {
        // The action that went out before the failure is acknowledged; recovery removes its entry without sending it again.
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        _runtime.Sink.FailAfter = 1;
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));
        Assert.Equal([Keys[0]], _runtime.SentActions.Sent.Select(a => a.IdempotencyKey));
        _runtime.Sink.FailAfter = null;

        var recovered = await _runtime.Dispatcher.RecoverAsync(CancellationToken.None);

        Assert.Equal(1, recovered);
        Assert.Equal(Keys, _runtime.SentActions.Sent.Select(a => a.IdempotencyKey).Order(StringComparer.Ordinal));
        Assert.Empty(await _runtime.OutboxAsync());
    }

    [Fact]
    public async Task RecoverAsync_SinkStillDown_ThrowsAndKeepsOutbox()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        _runtime.Sink.FailAfter = 0;
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));

        await Assert.ThrowsAsync<IOException>(() => _runtime.Dispatcher.RecoverAsync(CancellationToken.None));

        Assert.Equal(2, (await _runtime.OutboxAsync()).Count);
    }

    [Fact]
    public async Task DispatchAsync_SinkWorks_EntriesAcknowledgedNotRemovedOnTheirOwnWrite()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment, SampleJourneys.SupportCase);

        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));
        await _runtime.ApplyAsync(TestEvents.Of("c-1", "case.opened", "cust-2", """{ "caseId": "c-1", "severity": "high" }"""));

        Assert.Equal(4, _runtime.SentActions.Sent.Count);
        Assert.Equal(4, (await _runtime.OutboxAsync()).Count);
        Assert.Empty(await _runtime.UndispatchedAsync());
        Assert.Equal(0, _runtime.Customers.RemoveFromOutboxCalls);
    }

    [Fact]
    public async Task ApplyAsync_NextInputOfTheCustomer_RemovesItsAcknowledgedEntriesInTheSameCommit()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));

        await _runtime.ApplyAsync(TestEvents.Of("tp-2", "payment.completed", Customer, """{ "invoiceId": "inv-tp-1" }"""));

        Assert.DoesNotContain(await _runtime.OutboxAsync(), a => Keys.Contains(a.IdempotencyKey));
        Assert.Equal(0, _runtime.Customers.RemoveFromOutboxCalls);
        Assert.Equal(0, _runtime.Dispatcher.Acknowledgements.CustomerCount);
    }

    [Fact]
    public async Task FlushAcknowledgedAsync_CustomerIdleLongEnough_RemovesEntriesAndRecoverySendsNothing()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));

        Assert.Equal(0, await _runtime.Dispatcher.FlushAcknowledgedAsync(TimeSpan.FromSeconds(30), CancellationToken.None));
        _runtime.Clock.Advance(TimeSpan.FromSeconds(30));
        var flushed = await _runtime.Dispatcher.FlushAcknowledgedAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(2, flushed);
        Assert.Empty(await _runtime.OutboxAsync());
        Assert.Equal(0, await _runtime.Dispatcher.RecoverAsync(CancellationToken.None));
        Assert.Equal(2, _runtime.SentActions.Sent.Count);
    }

    [Fact]
    public async Task RecoverAsync_InAFreshProcessAfterAnAcknowledgementRound_SendsNothingAndClearsTheMarks()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));

        Assert.Equal(2, await _runtime.Dispatcher.AcknowledgeAsync(CancellationToken.None));
        var restarted = Restarted();
        var recovered = await restarted.RecoverAsync(CancellationToken.None);

        Assert.Equal(0, recovered);
        Assert.Equal(2, _runtime.SentActions.Sent.Count);
        Assert.Empty(await _runtime.OutboxAsync());
        Assert.Empty(await MarksAsync());
    }

    [Fact]
    public async Task RecoverAsync_InAFreshProcessBeforeAnyAcknowledgementRound_SendsTheActionsAgain()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));

        var recovered = await Restarted().RecoverAsync(CancellationToken.None);

        Assert.Equal(2, recovered);
        Assert.Equal([Keys[0], Keys[0], Keys[1], Keys[1]], _runtime.SentActions.Sent.Select(a => a.IdempotencyKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AcknowledgeAsync_AfterTheNextCommitRemovedTheEntries_RemovesTheirMarks()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));
        await _runtime.Dispatcher.AcknowledgeAsync(CancellationToken.None);
        Assert.Equal(Keys, (await MarksAsync()).Select(m => m.IdempotencyKey).Order(StringComparer.Ordinal));

        await _runtime.ApplyAsync(TestEvents.Of("tp-2", "payment.completed", Customer, """{ "invoiceId": "inv-tp-1" }"""));
        var marked = await _runtime.Dispatcher.AcknowledgeAsync(CancellationToken.None);

        Assert.Equal(0, marked);
        Assert.DoesNotContain(await _runtime.OutboxAsync(), a => Keys.Contains(a.IdempotencyKey));
        Assert.Empty(await MarksAsync());
    }

    [Fact]
    public async Task AcknowledgeAsync_NothingDispatchedSinceTheLastRound_WritesNothing()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));
        await _runtime.Dispatcher.AcknowledgeAsync(CancellationToken.None);

        Assert.Equal(0, await _runtime.Dispatcher.AcknowledgeAsync(CancellationToken.None));
        Assert.Equal(2, (await MarksAsync()).Count);
    }

    // The same storage seen by a process that starts after a crash: nothing of the old process's memory survives.
    private ActionDispatcher Restarted() =>
        new(_runtime.Sink, _runtime.Customers, _runtime.Clock, NullLogger<ActionDispatcher>.Instance, _runtime.DispatchLog);

    private async Task<List<DispatchMark>> MarksAsync()
    {
        var marks = new List<DispatchMark>();
        await foreach (var mark in _runtime.DispatchLog.ReadAllAsync(CancellationToken.None))
        {
            marks.Add(mark);
        }

        return marks;
    }
}
