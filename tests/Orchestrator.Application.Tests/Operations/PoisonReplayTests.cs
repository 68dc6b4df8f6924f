using Orchestrator.Application.Poison;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Application.Touchpoints;

namespace Orchestrator.Application.Tests.Operations;

public sealed class PoisonReplayTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TestRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task ReplayPoisonAsync_ValidTouchpoint_AppliesItAndDeletesTheEntry()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.Poison.AddAsync(Entry("p-1", TestEvents.CloudEvent("tp-1", "invoice.issued", "cust-1", TestEvents.InvoiceData("tp-1"))), None);

        var replay = await _runtime.Ingress.ReplayPoisonAsync("p-1", None);

        Assert.Equal(new PoisonReplay(PoisonReplayStatus.Replayed, new AcceptResult("tp-1", "cust-1", AcceptStatus.Applied), null), replay);
        Assert.Null(await _runtime.Poison.GetAsync("p-1", None));
        Assert.NotNull(await _runtime.Directory.FindAsync("bill-payment:cust-1:tp-1", None));
    }

    [Fact]
    public async Task ReplayPoisonAsync_InvalidBody_FailsAndKeepsEntryWithOneMoreAttempt()
    {
        await _runtime.Poison.AddAsync(Entry("p-1", "{ not json"), None);

        var replay = await _runtime.Ingress.ReplayPoisonAsync("p-1", None);

        Assert.Equal(PoisonReplayStatus.Failed, replay.Status);
        Assert.StartsWith("invalid CloudEvent", replay.Reason, StringComparison.Ordinal);
        var kept = await _runtime.Poison.GetAsync("p-1", None);
        Assert.Equal((3L, replay.Reason), (kept?.Attempts, kept?.Reason));
    }

    [Fact]
    public async Task ReplayPoisonAsync_StorageFailsAgain_FailsWithTheReasonAndKeepsEntry()
    {
        await _runtime.Poison.AddAsync(Entry("p-1", TestEvents.CloudEvent("tp-1", "invoice.issued", "cust-1", TestEvents.InvoiceData("tp-1"))), None);
        _runtime.Customers.LoadFailure = new InvalidOperationException("table down");

        var replay = await _runtime.Ingress.ReplayPoisonAsync("p-1", None);

        Assert.Equal(PoisonReplayStatus.Failed, replay.Status);
        Assert.Contains("table down", replay.Reason, StringComparison.Ordinal);
        Assert.NotNull(await _runtime.Poison.GetAsync("p-1", None));
        Assert.Empty(_runtime.Inbox.Enqueued);
    }

    [Fact]
    public async Task ReplayPoisonAsync_UnknownEntry_NotFound() =>
        Assert.Equal(PoisonReplayStatus.NotFound, (await _runtime.Ingress.ReplayPoisonAsync("nope", None)).Status);

    private static PoisonEntry Entry(string id, string body) => new(id, body, "failed 5 times", "queue", 2, TestRuntime.T0);
}
