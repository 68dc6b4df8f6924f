using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Customers;

// What one commit may hold, and what a store refuses before writing anything.
public abstract partial class CustomerStoreContract
{
    [Fact]
    public async Task CommitAsync_MoreThanHundredWrites_ThrowsInvalidOperationAndWritesNothing()
    {
        var customerId = Samples.NewId("customer");
        var actions = Enumerable.Range(0, 97).Select(i => Samples.Action(customerId, $"key-{i}")).ToArray();

        // 1 customer + 1 instance + 1 timeline entry + 1 dedupe marker + 97 actions = 101 writes.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1", actions), None));

        Assert.Contains("101", error.Message, StringComparison.Ordinal);
        Assert.Null((await Store.LoadAsync(customerId, null, None)).Customer.ETag);
    }

    [Fact]
    public async Task CommitAsync_ExactlyHundredWrites_Succeeds()
    {
        var customerId = Samples.NewId("customer");
        var actions = Enumerable.Range(0, 96).Select(i => Samples.Action(customerId, $"key-{i}")).ToArray();

        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1", actions), None);

        Assert.Equal(96, await CountOutboxAsync(customerId));
    }

    [Fact]
    public async Task CommitAsync_StateOf200Kilobytes_RoundTrips()
    {
        var customerId = Samples.NewId("customer");
        var large = new InstanceRecord(Samples.State(customerId, "instance-1", varsBytes: 200 * 1024), InstanceRuntimeStatus.Running, null);
        var commit = new CustomerCommit(Samples.Customer(customerId, 1, null), [large], Samples.Entry(customerId, 1), "tp-1", []);

        await Store.CommitAsync(commit, None);

        Json.Equal(large, Assert.Single((await Store.LoadAsync(customerId, "tp-1", None)).ActiveInstances));
        Json.Equal(large, await Store.GetInstanceAsync(customerId, "instance-1", None));
    }

    [Fact]
    public async Task CommitAsync_StateTooLargeForOneEntity_ThrowsInvalidOperationAndWritesNothing()
    {
        var customerId = Samples.NewId("customer");
        var huge = new InstanceRecord(Samples.State(customerId, "instance-1", varsBytes: 1024 * 1024), InstanceRuntimeStatus.Running, null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CommitAsync(
            new CustomerCommit(Samples.Customer(customerId, 1, null), [huge], Samples.Entry(customerId, 1), "tp-1", []), None));

        Assert.Null((await Store.LoadAsync(customerId, null, None)).Customer.ETag);
    }

    [Fact]
    public async Task CommitAsync_DocumentsTooLargeForOneRequest_ThrowsInvalidOperationAndWritesNothing()
    {
        var customerId = Samples.NewId("customer");
        // Completed, so the customer row does not carry them: each fits its own entity, together not one request.
        var instances = Enumerable.Range(1, 4)
            .Select(i => new InstanceRecord(Samples.State(customerId, $"instance-{i}", varsBytes: 800 * 1024), InstanceRuntimeStatus.Completed, null))
            .ToList();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CommitAsync(
            new CustomerCommit(Samples.Customer(customerId, 1, null), instances, Samples.Entry(customerId, 1), "tp-1", []), None));

        Assert.Contains("transaction request", error.Message, StringComparison.Ordinal);
        Assert.Null((await Store.LoadAsync(customerId, null, None)).Customer.ETag);
    }

    [Fact]
    public async Task CommitAsync_ActiveInstancesTooLargeTogether_ThrowsInvalidOperationAndWritesNothing()
    {
        var customerId = Samples.NewId("customer");
        var instances = Enumerable.Range(1, 2)
            .Select(i => new InstanceRecord(Samples.State(customerId, $"instance-{i}", varsBytes: 500 * 1024), InstanceRuntimeStatus.Running, null))
            .ToList();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CommitAsync(
            new CustomerCommit(Samples.Customer(customerId, 1, null), instances, Samples.Entry(customerId, 1), "tp-1", []), None));

        Assert.Contains("active instances", error.Message, StringComparison.Ordinal);
        Assert.Null((await Store.LoadAsync(customerId, null, None)).Customer.ETag);
    }

    [Fact]
    public async Task CommitAsync_InstanceOfAnotherCustomer_ThrowsArgumentException()
    {
        var customerId = Samples.NewId("customer");
        var commit = new CustomerCommit(
            Samples.Customer(customerId, 1, null), [Samples.NewInstance("someone-else", "instance-1")], Samples.Entry(customerId, 1), null, []);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitAsync(commit, None));
    }

    [Fact]
    public async Task CommitAsync_SameInstanceOrActionTwice_ThrowsArgumentException()
    {
        var customerId = Samples.NewId("customer");
        var instance = Samples.NewInstance(customerId, "instance-1");
        var action = Samples.Action(customerId, "key-1");

        await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitAsync(
            new CustomerCommit(Samples.Customer(customerId, 1, null), [instance, instance], Samples.Entry(customerId, 1), null, []), None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitAsync(
            new CustomerCommit(Samples.Customer(customerId, 1, null), [], Samples.Entry(customerId, 1), null, [action, action]), None));
    }
}
