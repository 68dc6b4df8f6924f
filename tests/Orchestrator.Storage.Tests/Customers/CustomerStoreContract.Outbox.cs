using Orchestrator.Application.Customers;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Customers;

// The timeline and the outbox: ordered reads, the start-up scan, removal after dispatch.
public abstract partial class CustomerStoreContract
{
    [Fact]
    public async Task ReadTimelineAsync_SequencesOfDifferentLengths_ReturnsThemInNumericOrder()
    {
        var customerId = Samples.NewId("customer");
        string? etag = null;
        foreach (var sequence in new long[] { 9, 100, 10, 2 })
        {
            await Store.CommitAsync(new CustomerCommit(Samples.Customer(customerId, sequence, etag), [], Samples.Entry(customerId, sequence), null, []), None);
            etag = (await Store.LoadAsync(customerId, null, None)).Customer.ETag;
        }

        var timeline = await Store.ReadTimelineAsync(customerId, None);

        Assert.Equal([2L, 9, 10, 100], timeline.Select(e => e.Sequence));
        Json.Equal(Samples.Entry(customerId, 10), timeline[2]);
    }

    [Fact]
    public async Task ReadOutboxAsync_ActionsOfSeveralCustomers_ReturnsOnlyThatCustomers()
    {
        var ann = Samples.NewId("ann");
        var bob = Samples.NewId("bob");
        await Store.CommitAsync(Samples.FirstCommit(ann, "instance-1", "tp-1", [Samples.Action(ann, "a-1"), Samples.Action(ann, "a-2")]), None);
        await Store.CommitAsync(Samples.FirstCommit(bob, "instance-1", "tp-1", Samples.Action(bob, "b-1")), None);

        var pending = new List<Application.Actions.ActionMessage>();
        await foreach (var action in Store.ReadOutboxAsync(ann, None))
        {
            pending.Add(action);
        }

        Assert.Equal(["a-1", "a-2"], pending.Select(a => a.IdempotencyKey).Order());
        Assert.All(pending, a => Assert.Equal(ann, a.CustomerId));
    }

    [Fact]
    public async Task ReadAllOutboxesAsync_ActionsOfSeveralCustomers_ReturnsEveryOne()
    {
        var ann = Samples.NewId("ann");
        var bob = Samples.NewId("bob");
        var annActions = new[] { Samples.Action(ann, "a-1"), Samples.Action(ann, "a-2") };
        await Store.CommitAsync(Samples.FirstCommit(ann, "instance-1", "tp-1", annActions), None);
        await Store.CommitAsync(Samples.FirstCommit(bob, "instance-1", "tp-1", Samples.Action(bob, "b-1")), None);

        var pending = await ReadAllOutboxesAsync();

        Assert.Equal([(ann, "a-1"), (ann, "a-2"), (bob, "b-1")], pending.Select(a => (a.CustomerId, a.IdempotencyKey)).Order());
        Json.Equal(annActions[1], pending.Single(a => a.IdempotencyKey == "a-2"));
    }

    [Fact]
    public async Task RemoveFromOutboxAsync_KnownAndUnknownKeys_RemovesKnownAndIgnoresUnknown()
    {
        var customerId = Samples.NewId("customer");
        var actions = new[] { Samples.Action(customerId, "key-1"), Samples.Action(customerId, "key-2"), Samples.Action(customerId, "key-3") };
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1", actions), None);

        await Store.RemoveFromOutboxAsync(customerId, ["key-1", "missing", "key-3"], None);
        await Store.RemoveFromOutboxAsync(customerId, ["key-1"], None);

        Assert.Equal(["key-2"], (await ReadAllOutboxesAsync()).Select(a => a.IdempotencyKey));
    }

    [Fact]
    public async Task RemoveFromOutboxAsync_MoreThanHundredKeys_RemovesAll()
    {
        var customerId = Samples.NewId("customer");
        var first = Enumerable.Range(0, 60).Select(i => Samples.Action(customerId, $"key-{i:D3}")).ToArray();
        var second = Enumerable.Range(60, 60).Select(i => Samples.Action(customerId, $"key-{i:D3}")).ToArray();
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1", first), None);
        var snapshot = await Store.LoadAsync(customerId, null, None);
        await Store.CommitAsync(new CustomerCommit(snapshot.Customer with { Sequence = 2 }, [], Samples.Entry(customerId, 2), null, second), None);
        Assert.Equal(120, await CountOutboxAsync(customerId));

        var keys = first.Concat(second).Select(a => a.IdempotencyKey).Append("missing-1").Append("missing-2").ToList();
        await Store.RemoveFromOutboxAsync(customerId, keys, None);

        Assert.Equal(0, await CountOutboxAsync(customerId));
    }

    private async Task<int> CountOutboxAsync(string customerId) => (await ReadAllOutboxesAsync()).Count(a => a.CustomerId == customerId);
}
