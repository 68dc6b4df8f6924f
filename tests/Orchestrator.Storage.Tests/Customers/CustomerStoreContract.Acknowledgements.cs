using Orchestrator.Application.Customers;
using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Customers;

// What a commit carries besides its own changes: acknowledged outbox entries, and redeliveries older than a load can tell.
public abstract partial class CustomerStoreContract
{
    [Fact]
    public async Task CommitAsync_AcknowledgedKeys_LeaveTheOutboxWithTheCommitAndUnknownOnesAreIgnored()
    {
        var customerId = Samples.NewId("customer");
        var actions = new[] { Samples.Action(customerId, "key-1"), Samples.Action(customerId, "key-2") };
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1", actions), None);
        var snapshot = await Store.LoadAsync(customerId, null, None);

        await Store.CommitAsync(
            new CustomerCommit(snapshot.Customer with { Sequence = 2 }, [], Samples.Entry(customerId, 2), "tp-2", [Samples.Action(customerId, "key-3")])
            {
                Acknowledged = ["key-1", "gone-already"],
            },
            None);

        Assert.Equal(["key-2", "key-3"], (await ReadAllOutboxesAsync()).Select(a => a.IdempotencyKey).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await Store.LoadAsync(customerId, null, None)).Customer.Sequence);
    }

    [Fact]
    public async Task CommitAsync_RedeliveryOlderThanTheLoadCanTell_ThrowsConflictMarkedAsRecordedAndWritesNothing()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-0"), None);
        for (var sequence = 2; sequence <= CustomerRecord.MaxRecentTouchpoints + 3; sequence++)
        {
            var current = await Store.LoadAsync(customerId, null, None);
            await Store.CommitAsync(new CustomerCommit(current.Customer with { Sequence = sequence }, [], Samples.Entry(customerId, sequence), $"tp-{sequence}", []), None);
        }

        var snapshot = await Store.LoadAsync(customerId, "tp-0", None);
        var redelivery = new CustomerCommit(
            snapshot.Customer with { Sequence = 100 }, [], Samples.Entry(customerId, 100), "tp-0", [Samples.Action(customerId, "key-late")]);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(redelivery, None));

        Assert.True(conflict.TouchpointAlreadyRecorded);
        Assert.True((await Store.LoadAsync(customerId, $"tp-{CustomerRecord.MaxRecentTouchpoints + 3}", None)).TouchpointSeen);
        Assert.DoesNotContain(await Store.ReadTimelineAsync(customerId, None), e => e.Sequence == 100);
        Assert.Empty(await ReadAllOutboxesAsync());
    }

    [Fact]
    public async Task CommitAsync_StaleCustomerWithNewTouchpoint_ThrowsConflictNotMarkedAsRecorded()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var stale = await Store.LoadAsync(customerId, null, None);
        await Store.CommitAsync(new CustomerCommit(stale.Customer with { Sequence = 2 }, [], Samples.Entry(customerId, 2), "tp-2", []), None);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Store.CommitAsync(new CustomerCommit(stale.Customer with { Sequence = 3 }, [], Samples.Entry(customerId, 3), "tp-3", []), None));

        Assert.False(conflict.TouchpointAlreadyRecorded);
    }

    [Fact]
    public async Task DeleteInstanceAsync_ActiveInstanceWithETagFromLoad_LeavesLoadAndRowTogether()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(
            new CustomerCommit(Samples.Customer(customerId, 1, null), [Samples.NewInstance(customerId, "a"), Samples.NewInstance(customerId, "b")], Samples.Entry(customerId, 1), null, []),
            None);
        var snapshot = await Store.LoadAsync(customerId, null, None);

        await Store.DeleteInstanceAsync(customerId, "a", snapshot.ActiveInstances.Single(i => i.InstanceId == "a").ETag!, None);

        Assert.Equal(["b"], (await Store.LoadAsync(customerId, null, None)).ActiveInstances.Select(i => i.InstanceId));
        Assert.Null(await Store.GetInstanceAsync(customerId, "a", None));
    }
}
