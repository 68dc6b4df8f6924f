using Orchestrator.Application.Ports;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Application.Touchpoints;

namespace Orchestrator.Application.Tests.Touchpoints;

public sealed class TouchpointIngressTests : IDisposable
{
    private const string Customer = "cust-1";
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(30);
    private readonly TestRuntime _runtime = new(new ApplicationOptions { MaxDeliveryAttempts = 3 });

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task AcceptAsync_NewTouchpoint_AppliedWithEventTime()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);

        var result = await _runtime.Ingress.AcceptAsync(Invoice("tp-1"), CancellationToken.None);

        Assert.Equal(new AcceptResult("tp-1", Customer, AcceptStatus.Applied), result);
        var entry = Assert.Single(await _runtime.TimelineAsync(Customer));
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 8, 59, 0, TimeSpan.Zero), entry.Touchpoint!.Time);
        Assert.Equal(("test-app", "invoice.issued"), (entry.Touchpoint.Source, entry.Touchpoint.Type));
        Assert.Single(await _runtime.Store.ListInstancesAsync(Customer, CancellationToken.None));
    }

    [Fact]
    public async Task AcceptAsync_SameIdAgain_Duplicate()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.Ingress.AcceptAsync(Invoice("tp-1"), CancellationToken.None);

        var again = await _runtime.Ingress.AcceptAsync(Invoice("tp-1"), CancellationToken.None);

        Assert.Equal(new AcceptResult("tp-1", Customer, AcceptStatus.Duplicate), again);
        Assert.Equal(2, _runtime.SentActions.Sent.Count);
    }

    [Fact]
    public async Task AcceptAsync_UnrelatedTouchpoint_AppliedAsRecorded()
    {
        var result = await _runtime.Ingress.AcceptAsync(TestEvents.Incoming("tp-1", "page.viewed", Customer), CancellationToken.None);

        Assert.Equal(AcceptStatus.Applied, result.Status);
        Assert.Single(await _runtime.TimelineAsync(Customer));
    }

    [Fact]
    public async Task AcceptAsync_EventWithoutTime_StampedWithClock()
    {
        var incoming = TestEvents.Incoming("tp-1", "page.viewed", Customer) with { Time = null };
        _runtime.Clock.Advance(TimeSpan.FromMinutes(3));

        await _runtime.Ingress.AcceptAsync(incoming, CancellationToken.None);

        Assert.Equal(TestRuntime.T0.AddMinutes(3), Assert.Single(await _runtime.TimelineAsync(Customer)).Touchpoint!.Time);
    }

    [Fact]
    public async Task AcceptAsync_ProcessingFails_QueuedForRetry()
    {
        _runtime.Customers.LoadFailure = new IOException("injected: table storage is down");
        var incoming = Invoice("tp-1");

        var result = await _runtime.Ingress.AcceptAsync(incoming, CancellationToken.None);

        Assert.Equal(new AcceptResult("tp-1", Customer, AcceptStatus.Queued), result);
        var (body, delay) = Assert.Single(_runtime.Inbox.Enqueued);
        Assert.Equal(incoming.StructuredJson, body);
        Assert.Equal(TimeSpan.FromSeconds(2), delay);
        Assert.Empty(await _runtime.QueueStore.ReceiveAsync(1, Visibility, CancellationToken.None));
        _runtime.Clock.Advance(delay);
        Assert.Equal(body, Assert.Single(await _runtime.QueueStore.ReceiveAsync(1, Visibility, CancellationToken.None)).Body);
    }

    [Fact]
    public async Task AcceptAsync_ProcessingAndEnqueueFail_Throws()
    {
        _runtime.Customers.LoadFailure = new IOException("injected: table storage is down");
        _runtime.Inbox.EnqueueFailure = new TimeoutException("injected: queue storage is down");

        await Assert.ThrowsAsync<TimeoutException>(() => _runtime.Ingress.AcceptAsync(Invoice("tp-1"), CancellationToken.None));

        Assert.Equal(0, _runtime.QueueStore.Count);
    }

    [Fact]
    public async Task AcceptAsync_CallerCancelled_ThrowsWithoutQueueing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        _runtime.Customers.LoadFailure = new OperationCanceledException(cancelled.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _runtime.Ingress.AcceptAsync(Invoice("tp-1"), cancelled.Token));

        Assert.Empty(_runtime.Inbox.Enqueued);
    }

    [Fact]
    public async Task AcceptAsync_StorageTimesOutAsCancellation_QueuedForRetry()
    {
        // Storage clients report their own time-outs as cancellations although the caller did not cancel.
        _runtime.Customers.LoadFailure = new TaskCanceledException("injected: the storage request timed out");

        var result = await _runtime.Ingress.AcceptAsync(Invoice("tp-1"), CancellationToken.None);

        Assert.Equal(AcceptStatus.Queued, result.Status);
        Assert.Single(_runtime.Inbox.Enqueued);
    }

    [Fact]
    public async Task ProcessQueuedAsync_Valid_AppliedAndDeleted()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        var message = await EnqueueAndReceiveAsync(TestEvents.CloudEvent("tp-1", "invoice.issued", Customer, TestEvents.InvoiceData("tp-1")));

        await _runtime.Ingress.ProcessQueuedAsync(message, CancellationToken.None);

        Assert.Equal("tp-1", Assert.Single(await _runtime.TimelineAsync(Customer)).Touchpoint!.Id);
        Assert.Equal(2, _runtime.SentActions.Sent.Count);
        Assert.Equal(0, _runtime.QueueStore.Count);
        Assert.Empty(await _runtime.Poison.ListAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task ProcessQueuedAsync_AlreadyApplied_DeletedWithoutSecondEffect()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.Ingress.AcceptAsync(Invoice("tp-1"), CancellationToken.None);
        var message = await EnqueueAndReceiveAsync(TestEvents.CloudEvent("tp-1", "invoice.issued", Customer, TestEvents.InvoiceData("tp-1")));

        await _runtime.Ingress.ProcessQueuedAsync(message, CancellationToken.None);

        Assert.Equal(0, _runtime.QueueStore.Count);
        Assert.Equal(2, _runtime.SentActions.Sent.Count);
        Assert.Single(await _runtime.TimelineAsync(Customer));
    }

    [Theory]
    [InlineData("not json at all", "the body is not valid JSON")]
    [InlineData("""{ "specversion": "1.0", "id": "tp-1", "source": "app", "type": "page.viewed" }""", "subject: is required")]
    [InlineData("""{ "specversion": "1.0", "id": "tp-1", "source": "app", "subject": "cust-1", "type": "page.viewed", "data": "text" }""", "data: must be a JSON object")]
    public async Task ProcessQueuedAsync_InvalidBody_KeptAsPoisonWithReasonAndDeleted(string body, string reason)
    {
        var message = await EnqueueAndReceiveAsync(body);

        await _runtime.Ingress.ProcessQueuedAsync(message, CancellationToken.None);

        var poison = await _runtime.Poison.GetAsync($"q-{message.MessageId}", CancellationToken.None);
        Assert.NotNull(poison);
        Assert.Equal((body, "queue", 1L, TestRuntime.T0), (poison.Body, poison.Source, poison.Attempts, poison.At));
        Assert.StartsWith("invalid CloudEvent: ", poison.Reason, StringComparison.Ordinal);
        Assert.Contains(reason, poison.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _runtime.QueueStore.Count);
    }

    [Fact]
    public async Task ProcessQueuedAsync_FailsBeforeMaxDeliveries_LeftForRedelivery()
    {
        _runtime.Customers.LoadFailure = new IOException("injected: table storage is down");
        var message = await EnqueueAndReceiveAsync(TestEvents.CloudEvent("tp-1", "page.viewed", Customer));

        await _runtime.Ingress.ProcessQueuedAsync(message, CancellationToken.None);

        Assert.Empty(await _runtime.Poison.ListAsync(10, CancellationToken.None));
        _runtime.Clock.Advance(Visibility);
        var redelivered = Assert.Single(await _runtime.QueueStore.ReceiveAsync(1, Visibility, CancellationToken.None));
        Assert.Equal((message.MessageId, 2L), (redelivered.MessageId, redelivered.DequeueCount));
    }

    [Fact]
    public async Task ProcessQueuedAsync_FailsOnLastDelivery_KeptAsPoisonWithReasonAndDeleted()
    {
        _runtime.Customers.LoadFailure = new IOException("injected: table storage is down");
        var body = TestEvents.CloudEvent("tp-1", "page.viewed", Customer);
        var message = await EnqueueAndReceiveAsync(body);
        for (var delivery = 1; delivery < _runtime.Options.MaxDeliveryAttempts; delivery++)
        {
            await _runtime.Ingress.ProcessQueuedAsync(message, CancellationToken.None);
            _runtime.Clock.Advance(Visibility);
            message = Assert.Single(await _runtime.QueueStore.ReceiveAsync(1, Visibility, CancellationToken.None));
        }

        await _runtime.Ingress.ProcessQueuedAsync(message, CancellationToken.None);

        var poison = Assert.Single(await _runtime.Poison.ListAsync(10, CancellationToken.None));
        Assert.Equal(($"q-{message.MessageId}", body, "queue", 3L), (poison.Id, poison.Body, poison.Source, poison.Attempts));
        Assert.Equal("failed 3 times: injected: table storage is down", poison.Reason);
        Assert.Equal(0, _runtime.QueueStore.Count);
    }

    [Theory]
    [InlineData(1, 3, false)]
    [InlineData(2, 3, false)]
    [InlineData(3, 3, true)]
    [InlineData(9, 3, true)]
    [InlineData(4, 5, false)]
    [InlineData(5, 5, true)]
    public async Task ProcessQueuedAsync_FailingDelivery_PoisonOnlyFromMaxDeliveryAttempts(long dequeueCount, int max, bool poisoned)
    {
        using var runtime = new TestRuntime(new ApplicationOptions { MaxDeliveryAttempts = max });
        runtime.Customers.LoadFailure = new IOException("injected");
        var message = new QueuedMessage("m-1", "r-1", TestEvents.CloudEvent("tp-1", "page.viewed", Customer), dequeueCount);

        await runtime.Ingress.ProcessQueuedAsync(message, CancellationToken.None);

        Assert.Equal(poisoned, await runtime.Poison.GetAsync("q-m-1", CancellationToken.None) is not null);
    }

    private static IncomingTouchpoint Invoice(string id) => TestEvents.Incoming(id, "invoice.issued", Customer, TestEvents.InvoiceData(id));

    private async Task<QueuedMessage> EnqueueAndReceiveAsync(string body)
    {
        await _runtime.QueueStore.EnqueueAsync(body, TimeSpan.Zero, CancellationToken.None);
        var message = Assert.Single(await _runtime.QueueStore.ReceiveAsync(1, Visibility, CancellationToken.None));
        Assert.Equal(1, message.DequeueCount);
        return message;
    }
}
