using Orchestrator.Application.Customers;
using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Customers;

// A group commit: several touchpoints in one write, each with its timeline entry and dedupe marker.
public abstract partial class CustomerStoreContract
{
    [Fact]
    public async Task CommitAsync_GroupOfTouchpoints_WritesEveryEntryAndMarker()
    {
        var customerId = Samples.NewId("customer");
        var group = new CustomerCommit(Samples.Customer(customerId, 3, null), [], Samples.Entry(customerId, 3), "tp-3", [])
        {
            EarlierEntries = [Samples.Entry(customerId, 1), Samples.Entry(customerId, 2)],
            EarlierTouchpointIds = ["tp-1", "tp-2"],
        };

        await Store.CommitAsync(group, None);

        Assert.Equal([1L, 2L, 3L], (await Store.ReadTimelineAsync(customerId, None)).Select(e => e.Sequence));
        foreach (var id in new[] { "tp-1", "tp-2", "tp-3" })
        {
            Assert.True((await Store.LoadAsync(customerId, id, None)).TouchpointSeen, id);
        }
    }

    [Fact]
    public async Task CommitAsync_GroupWithTouchpointsRecordedBefore_NamesThemAndWritesNothing()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var snapshot = await Store.LoadAsync(customerId, null, None);
        var group = new CustomerCommit(snapshot.Customer with { Sequence = 4 }, [], Samples.Entry(customerId, 4), "tp-4", [])
        {
            EarlierEntries = [Samples.Entry(customerId, 2), Samples.Entry(customerId, 3)],
            EarlierTouchpointIds = ["tp-2", "tp-1"],
        };

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(group, None));

        Assert.True(conflict.TouchpointAlreadyRecorded);
        Assert.Equal(["tp-1"], conflict.RecordedTouchpointIds);
        Assert.Equal([1L], (await Store.ReadTimelineAsync(customerId, None)).Select(e => e.Sequence));
        Assert.False((await Store.LoadAsync(customerId, "tp-2", None)).TouchpointSeen);
    }
}
