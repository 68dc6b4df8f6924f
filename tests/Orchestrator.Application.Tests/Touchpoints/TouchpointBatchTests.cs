using System.Text.Json;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Serialization;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Application.Touchpoints;

namespace Orchestrator.Application.Tests.Touchpoints;

/// <summary>A batch of touchpoints applied per customer as one group commit, with the same outcome as one at a time.</summary>
public sealed class TouchpointBatchTests : IDisposable
{
    private const string Customer = "cust-1";
    private const string Other = "cust-2";
    private readonly TestRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task AcceptBatchAsync_TouchpointsOfOneCustomer_OneCommitWithTheTimelineOfOneAtATime()
    {
        using var oneByOne = new TestRuntime();
        await oneByOne.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        IncomingTouchpoint[] batch =
        [
            Invoice("tp-1"),
            TestEvents.Incoming("tp-2", "page.viewed", Customer),
            TestEvents.Incoming("tp-3", "payment.failed", Customer, """{"reason":"insufficient-funds"}"""),
            TestEvents.Incoming("tp-4", "page.viewed", Customer),
            Invoice("tp-5"),
        ];
        var expected = new List<AcceptResult>();
        foreach (var touchpoint in batch)
        {
            expected.Add(await oneByOne.Ingress.AcceptAsync(touchpoint, CancellationToken.None));
        }

        var commitsBefore = _runtime.Customers.CommitAttempts;
        var result = await _runtime.Ingress.AcceptBatchAsync(batch, CancellationToken.None);

        Assert.Null(result.NotAccepted);
        Assert.Equal(expected, result.Accepted);
        Assert.Equal(1, _runtime.Customers.CommitAttempts - commitsBefore);
        Assert.Equal(batch.Length, oneByOne.Customers.CommitAttempts);
        Assert.Equal(Describe(await oneByOne.TimelineAsync(Customer)), Describe(await _runtime.TimelineAsync(Customer)));
        Assert.Equal(["tp-1", "tp-2", "tp-3", "tp-4", "tp-5"], (await _runtime.TimelineAsync(Customer)).Select(e => e.Touchpoint!.Id));
        Assert.Equal(oneByOne.SentActions.Sent.Select(a => a.IdempotencyKey), _runtime.SentActions.Sent.Select(a => a.IdempotencyKey));
        Assert.NotEmpty(_runtime.SentActions.Sent);
    }

    [Fact]
    public async Task AcceptBatchAsync_SameIdTwiceInBatch_SecondDuplicateRestApplied()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);

        var result = await _runtime.Ingress.AcceptBatchAsync([Invoice("tp-1"), Page("tp-2"), Invoice("tp-1"), Page("tp-3")], CancellationToken.None);

        Assert.Equal(
            [AcceptStatus.Applied, AcceptStatus.Applied, AcceptStatus.Duplicate, AcceptStatus.Applied],
            result.Accepted.Select(a => a.Status));
        Assert.Equal(["tp-1", "tp-2", "tp-3"], (await _runtime.TimelineAsync(Customer)).Select(e => e.Touchpoint!.Id));
        Assert.Equal(1, _runtime.Customers.CommitAttempts);
        Assert.Single(await _runtime.Store.ListInstancesAsync(Customer, CancellationToken.None));
    }

    [Fact]
    public async Task AcceptBatchAsync_IdAppliedBeforeAndUnknownToTheLoad_FoundByItsMarkerRestApplied()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.Ingress.AcceptAsync(Invoice("tp-1"), CancellationToken.None);
        _runtime.Customers.ForgetSeenOnLoad = true;
        var sent = _runtime.SentActions.Sent.Count;

        var result = await _runtime.Ingress.AcceptBatchAsync([Page("tp-2"), Invoice("tp-1"), Page("tp-3")], CancellationToken.None);

        Assert.Equal([AcceptStatus.Applied, AcceptStatus.Duplicate, AcceptStatus.Applied], result.Accepted.Select(a => a.Status));
        Assert.Equal(["tp-1", "tp-2", "tp-3"], (await _runtime.TimelineAsync(Customer)).Select(e => e.Touchpoint!.Id));
        Assert.Equal(sent, _runtime.SentActions.Sent.Count);
        Assert.Single(await _runtime.Store.ListInstancesAsync(Customer, CancellationToken.None));
    }

    [Fact]
    public async Task AcceptBatchAsync_TwoCustomersInterleaved_OneCommitEachOrderKept()
    {
        var result = await _runtime.Ingress.AcceptBatchAsync(
            [Page("a-1"), Page("b-1", Other), Page("a-2"), Page("b-2", Other), Page("a-3")], CancellationToken.None);

        Assert.Equal(["a-1", "b-1", "a-2", "b-2", "a-3"], result.Accepted.Select(a => a.Id));
        Assert.Equal([Customer, Other, Customer, Other, Customer], result.Accepted.Select(a => a.CustomerId));
        Assert.All(result.Accepted, a => Assert.Equal(AcceptStatus.Applied, a.Status));
        Assert.Equal(2, _runtime.Customers.CommitAttempts);
        Assert.Equal(["a-1", "a-2", "a-3"], (await _runtime.TimelineAsync(Customer)).Select(e => e.Touchpoint!.Id));
        Assert.Equal(["b-1", "b-2"], (await _runtime.TimelineAsync(Other)).Select(e => e.Touchpoint!.Id));
        Assert.Equal([1L, 2L, 3L], (await _runtime.TimelineAsync(Customer)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task AcceptBatchAsync_StoreDown_EveryTouchpointQueued()
    {
        _runtime.Customers.LoadFailure = new IOException("injected: table storage is down");

        var result = await _runtime.Ingress.AcceptBatchAsync([Page("tp-1"), Page("tp-2")], CancellationToken.None);

        Assert.Null(result.NotAccepted);
        Assert.Equal([AcceptStatus.Queued, AcceptStatus.Queued], result.Accepted.Select(a => a.Status));
        Assert.Equal(2, _runtime.Inbox.Enqueued.Count);
    }

    [Fact]
    public async Task AcceptBatchAsync_OneCustomerUnreadableAndQueueDown_NamesItAndReportsTheOthersApplied()
    {
        _runtime.Customers.FailingCustomer = Other;
        _runtime.Inbox.EnqueueFailure = new TimeoutException("injected: queue storage is down");

        var result = await _runtime.Ingress.AcceptBatchAsync([Page("a-1"), Page("b-1", Other), Page("a-2")], CancellationToken.None);

        Assert.Equal("b-1", result.NotAccepted);
        Assert.IsType<TimeoutException>(result.Failure);
        Assert.Equal([("a-1", AcceptStatus.Applied), ("a-2", AcceptStatus.Applied)], result.Accepted.Select(a => (a.Id, a.Status)));
        Assert.Equal(["a-1", "a-2"], (await _runtime.TimelineAsync(Customer)).Select(e => e.Touchpoint!.Id));
    }

    [Fact]
    public async Task AcceptBatchAsync_SecondTransactionOfACustomerFails_FirstKeepsApplied_RestAppliedAlone()
    {
        IncomingTouchpoint[] batch = [.. Enumerable.Range(1, 2 * CustomerTransaction.MaxGroup).Select(i => Page($"tp-{i}"))];
        var loads = 0;
        _runtime.Customers.BeforeLoad = _ => Interlocked.Increment(ref loads) == 2
            ? Task.FromException(new IOException("injected: the second transaction's read fails"))
            : Task.CompletedTask;

        var result = await _runtime.Ingress.AcceptBatchAsync(batch, CancellationToken.None);

        Assert.Null(result.NotAccepted);
        Assert.Equal(batch.Select(t => (t.Id, AcceptStatus.Applied)), result.Accepted.Select(a => (a.Id, a.Status)));
        Assert.Equal(batch.Select(t => t.Id), (await _runtime.TimelineAsync(Customer)).Select(e => e.Touchpoint!.Id));
    }

    private static IncomingTouchpoint Invoice(string id) => TestEvents.Incoming(id, "invoice.issued", Customer, TestEvents.InvoiceData(id));

    private static IncomingTouchpoint Page(string id, string customer = Customer) => TestEvents.Incoming(id, "page.viewed", customer);

    private static string[] Describe(IEnumerable<Customers.TimelineEntry> timeline) =>
        [.. timeline.Select(e => JsonSerializer.Serialize(e, ApplicationJsonContext.Default.TimelineEntry))];
}
