using Orchestrator.Application.Customers;
using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Customers;

// Lost races: every one is a ConcurrencyConflictException, and the losing commit leaves nothing behind.
public abstract partial class CustomerStoreContract
{
    [Fact]
    public async Task CommitAsync_StaleCustomerETag_ThrowsConflictAndWritesNothing()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var stale = await Store.LoadAsync(customerId, null, None);
        await Store.CommitAsync(new CustomerCommit(stale.Customer with { Sequence = 2 }, [], Samples.Entry(customerId, 2), "tp-2", []), None);

        var losing = new CustomerCommit(
            stale.Customer with { Sequence = 3 },
            [Samples.NewInstance(customerId, "instance-2")],
            Samples.Entry(customerId, 3),
            "tp-3",
            [Samples.Action(customerId, "key-3")]);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(losing, None));

        await AssertNothingOfAsync(losing);
        Assert.Equal(2, (await Store.LoadAsync(customerId, null, None)).Customer.Sequence);
    }

    [Fact]
    public async Task CommitAsync_StaleInstanceETag_ThrowsConflictAndWritesNothing()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var snapshot = await Store.LoadAsync(customerId, null, None);
        var instance = snapshot.ActiveInstances[0];
        await Store.CommitAsync(new CustomerCommit(snapshot.Customer with { Sequence = 2 }, [instance], Samples.Entry(customerId, 2), null, []), None);
        var current = await Store.LoadAsync(customerId, null, None);

        // The customer ETag is current; only the instance's is stale.
        var losing = new CustomerCommit(
            current.Customer with { Sequence = 3 },
            [instance with { State = instance.State with { CurrentStep = "lost" } }],
            Samples.Entry(customerId, 3),
            "tp-3",
            [Samples.Action(customerId, "key-3")]);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(losing, None));

        await AssertNothingOfAsync(losing);
        Assert.Equal("wait-1", (await Store.GetInstanceAsync(customerId, "instance-1", None))?.State.CurrentStep);
        Assert.Equal(current.Customer.ETag, (await Store.LoadAsync(customerId, null, None)).Customer.ETag);
    }

    [Fact]
    public async Task CommitAsync_NewCustomerThatExists_ThrowsConflict()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);

        var racing = new CustomerCommit(Samples.Customer(customerId, 1, null), [], Samples.Entry(customerId, 2), "tp-2", []);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(racing, None));
        Assert.False((await Store.LoadAsync(customerId, "tp-2", None)).TouchpointSeen);
    }

    [Fact]
    public async Task CommitAsync_TouchpointAlreadyRecorded_ThrowsConflictAndWritesNothing()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var snapshot = await Store.LoadAsync(customerId, null, None);

        var redelivery = new CustomerCommit(
            snapshot.Customer with { Sequence = 2 }, [], Samples.Entry(customerId, 2), "tp-1", [Samples.Action(customerId, "key-2")]);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(redelivery, None));
        await AssertNothingOfAsync(redelivery, touchpointWasNew: false);
    }

    [Fact]
    public async Task CommitAsync_NewInstanceWhoseIdExists_ThrowsConflictAndKeepsTheStoredOne()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var snapshot = await Store.LoadAsync(customerId, null, None);
        var duplicate = Samples.NewInstance(customerId, "instance-1");
        duplicate = duplicate with { State = duplicate.State with { CurrentStep = "duplicate" } };

        var commit = new CustomerCommit(snapshot.Customer with { Sequence = 2 }, [duplicate], Samples.Entry(customerId, 2), "tp-2", []);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(commit, None));
        Assert.Equal("wait-1", (await Store.GetInstanceAsync(customerId, "instance-1", None))?.State.CurrentStep);
        Assert.False((await Store.LoadAsync(customerId, "tp-2", None)).TouchpointSeen);
    }

    [Fact]
    public async Task CommitAsync_TwoWritersFromOneSnapshot_ExactlyOneWins()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var snapshot = await Store.LoadAsync(customerId, null, None);
        CustomerCommit Writer(string touchpointId) =>
            new(snapshot.Customer with { Sequence = 2 }, [], Samples.Entry(customerId, 2), touchpointId, []);

        var outcomes = await Task.WhenAll(
            Outcome(Task.Run(() => Store.CommitAsync(Writer("tp-a"), None))),
            Outcome(Task.Run(() => Store.CommitAsync(Writer("tp-b"), None))));

        Assert.Equal(1, outcomes.Count(e => e is null));
        Assert.IsType<ConcurrencyConflictException>(Assert.Single(outcomes, e => e is not null));
        var seen = new[] { (await Store.LoadAsync(customerId, "tp-a", None)).TouchpointSeen, (await Store.LoadAsync(customerId, "tp-b", None)).TouchpointSeen };
        Assert.Equal(1, seen.Count(s => s));
    }

    private async Task AssertNothingOfAsync(CustomerCommit failed, bool touchpointWasNew = true)
    {
        var customerId = failed.Customer.CustomerId;
        var timeline = await Store.ReadTimelineAsync(customerId, None);
        Assert.DoesNotContain(timeline, e => e.Sequence == failed.Entry.Sequence);
        var outbox = await ReadAllOutboxesAsync();
        Assert.DoesNotContain(outbox, a => failed.Outbox.Any(f => f.IdempotencyKey == a.IdempotencyKey));
        if (failed.TouchpointId is { } touchpointId && touchpointWasNew)
        {
            Assert.False((await Store.LoadAsync(customerId, touchpointId, None)).TouchpointSeen);
        }

        foreach (var instance in failed.Instances.Where(i => i.ETag is null))
        {
            Assert.Null(await Store.GetInstanceAsync(customerId, instance.InstanceId, None));
        }
    }

    private static async Task<Exception?> Outcome(Task write)
    {
        try
        {
            await write;
            return null;
        }
        catch (ConcurrencyConflictException e)
        {
            return e;
        }
    }
}
