using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Customers;

// Ids holding characters a Table key may not, and ids that look like their escaped form.
public abstract partial class CustomerStoreContract
{
    [Fact]
    public async Task CommitAsync_IdsWithReservedKeyCharacters_RoundTripEverywhere()
    {
        var customerId = Samples.NewId("customer") + Samples.Reserved;
        var instanceId = "instance" + Samples.Reserved;
        var touchpointId = "tp" + Samples.Reserved;
        var key = "key" + Samples.Reserved;
        var commit = Samples.FirstCommit(customerId, instanceId, touchpointId, Samples.Action(customerId, key));

        await Store.CommitAsync(commit, None);

        var snapshot = await Store.LoadAsync(customerId, touchpointId, None);
        Assert.True(snapshot.TouchpointSeen);
        Assert.Equal(instanceId, Assert.Single(snapshot.ActiveInstances).InstanceId);
        Json.Equal(commit.Instances[0], await Store.GetInstanceAsync(customerId, instanceId, None));
        Assert.Equal(instanceId, Assert.Single(await Store.ListInstancesAsync(customerId, None)).InstanceId);
        Assert.Single(await Store.ReadTimelineAsync(customerId, None));
        Assert.Equal(key, Assert.Single(await ReadAllOutboxesAsync()).IdempotencyKey);
        await Store.RemoveFromOutboxAsync(customerId, [key], None);
        Assert.Empty(await ReadAllOutboxesAsync());
    }

    [Fact]
    public async Task LoadAsync_IdsThatDifferOnlyByEscaping_StayApart()
    {
        var stem = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(stem + "/x", "instance-1", "tp/1"), None);

        var lookalike = await Store.LoadAsync(stem + "%2Fx", "tp/1", None);
        var touchpoint = await Store.LoadAsync(stem + "/x", "tp%2F1", None);

        Assert.Null(lookalike.Customer.ETag);
        Assert.False(touchpoint.TouchpointSeen);
    }
}
