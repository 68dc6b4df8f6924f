using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Tests.Support;

namespace Orchestrator.Application.Tests.Operations;

public sealed class InstanceListingTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TestRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task ListAsync_StatusFilter_KeepsOnlyInstancesInThoseStatuses()
    {
        await StartBillsAsync("c-1", "c-2", "c-3");
        await _runtime.Operations.TerminateAsync("bill-payment:c-2:tp-c-2", null, None);
        await _runtime.Operations.SuspendAsync("bill-payment:c-3:tp-c-3", null, None);

        var running = await _runtime.Queries.ListAsync(Query(10), [InstanceRuntimeStatus.Running], None);
        var ended = await _runtime.Queries.ListAsync(Query(10), [InstanceRuntimeStatus.Terminated, InstanceRuntimeStatus.Suspended], None);
        var all = await _runtime.Queries.ListAsync(Query(10), [], None);

        Assert.Equal(["bill-payment:c-1:tp-c-1"], running.Instances.Select(i => i.InstanceId));
        Assert.Equal(["bill-payment:c-2:tp-c-2", "bill-payment:c-3:tp-c-3"], ended.Instances.Select(i => i.InstanceId));
        Assert.Equal(3, all.Instances.Count);
        Assert.All(all.Instances, i => Assert.Null(i.HistoryEvents));
    }

    [Fact]
    public async Task ListAsync_PageSmallerThanInstances_ContinuationTokenReachesEveryInstanceOnce()
    {
        await StartBillsAsync("c-1", "c-2", "c-3");

        var first = await _runtime.Queries.ListAsync(Query(2), [], None);
        var second = await _runtime.Queries.ListAsync(Query(2) with { ContinuationToken = first.ContinuationToken }, [], None);

        Assert.NotNull(first.ContinuationToken);
        Assert.Null(second.ContinuationToken);
        Assert.Equal(
            ["bill-payment:c-1:tp-c-1", "bill-payment:c-2:tp-c-2", "bill-payment:c-3:tp-c-3"],
            first.Instances.Concat(second.Instances).Select(i => i.InstanceId));
    }

    [Fact]
    public async Task ListAsync_DirectoryEntryWithoutInstance_SkipsIt()
    {
        await StartBillsAsync("c-1");
        await _runtime.Directory.AddAsync(new InstanceLocation("bill-payment:orphan", "c-9", "bill-payment", 1, TestRuntime.T0), None);

        var page = await _runtime.Queries.ListAsync(Query(10), [], None);

        Assert.Equal(["bill-payment:c-1:tp-c-1"], page.Instances.Select(i => i.InstanceId));
    }

    private static InstanceDirectoryQuery Query(int top) => new(null, null, null, top, null);

    private async Task StartBillsAsync(params string[] customers)
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        foreach (var customer in customers)
        {
            await _runtime.ApplyAsync(TestEvents.Invoice($"tp-{customer}", customer));
        }
    }
}
