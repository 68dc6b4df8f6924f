using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Customers;

/// <summary>What suspension buffers and purges need of a customer store.</summary>
public abstract partial class CustomerStoreContract
{
    [Fact]
    public async Task CommitAsync_SuspendedInstanceWithBuffer_LoadReturnsBufferInOrder()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var loaded = await Store.LoadAsync(customerId, null, None);
        var buffered = new[] { Samples.Touchpoint(customerId, "tp-b1"), Samples.Touchpoint(customerId, "tp-b2" + Samples.Reserved) };
        var suspended = loaded.ActiveInstances[0] with { RuntimeStatus = InstanceRuntimeStatus.Suspended, Buffered = buffered };

        await Store.CommitAsync(new CustomerCommit(loaded.Customer with { Sequence = 2 }, [suspended], Samples.Entry(customerId, 2), null, []), None);
        var reloaded = await Store.LoadAsync(customerId, null, None);

        var instance = Assert.Single(reloaded.ActiveInstances);
        Assert.Equal(InstanceRuntimeStatus.Suspended, instance.RuntimeStatus);
        Assert.Equal(["tp-b1", "tp-b2" + Samples.Reserved], instance.Buffered.Select(t => t.Id));
        Assert.Equal(buffered[1] with { Data = null }, instance.Buffered[1] with { Data = null });
        Assert.Equal(buffered[1].Data?.GetRawText(), instance.Buffered[1].Data?.GetRawText());
    }

    [Fact]
    public async Task CommitAsync_BufferEmptiedOnResume_LoadReturnsNoBuffer()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var loaded = await Store.LoadAsync(customerId, null, None);
        var suspended = loaded.ActiveInstances[0] with { RuntimeStatus = InstanceRuntimeStatus.Suspended, Buffered = [Samples.Touchpoint(customerId, "tp-b1")] };
        await Store.CommitAsync(new CustomerCommit(loaded.Customer with { Sequence = 2 }, [suspended], Samples.Entry(customerId, 2), null, []), None);
        var second = await Store.LoadAsync(customerId, null, None);

        var resumed = second.ActiveInstances[0] with { RuntimeStatus = InstanceRuntimeStatus.Running, Buffered = [] };
        await Store.CommitAsync(new CustomerCommit(second.Customer with { Sequence = 3 }, [resumed], Samples.Entry(customerId, 3), null, []), None);

        var instance = await Store.GetInstanceAsync(customerId, "instance-1", None);
        Assert.NotNull(instance);
        Assert.Equal(InstanceRuntimeStatus.Running, instance.RuntimeStatus);
        Assert.Empty(instance.Buffered);
    }

    [Fact]
    public async Task DeleteInstanceAsync_WithETagRead_RemovesOnlyThatInstanceAndKeepsTimeline()
    {
        var customerId = Samples.NewId("customer");
        var ended = Samples.NewInstance(customerId, "ended", InstanceRuntimeStatus.Completed);
        var running = Samples.NewInstance(customerId, "running");
        await Store.CommitAsync(new CustomerCommit(Samples.Customer(customerId, 1, null), [ended, running], Samples.Entry(customerId, 1), null, []), None);
        var stored = await Store.GetInstanceAsync(customerId, "ended", None);

        await Store.DeleteInstanceAsync(customerId, "ended", stored!.ETag!, None);

        Assert.Null(await Store.GetInstanceAsync(customerId, "ended", None));
        Assert.Equal(["running"], (await Store.ListInstancesAsync(customerId, None)).Select(i => i.InstanceId));
        Assert.Single(await Store.ReadTimelineAsync(customerId, None));
    }

    [Fact]
    public async Task DeleteInstanceAsync_StaleETag_ThrowsConflictAndKeepsInstance()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var first = await Store.LoadAsync(customerId, null, None);
        var staleETag = first.ActiveInstances[0].ETag!;
        await Store.CommitAsync(new CustomerCommit(first.Customer with { Sequence = 2 }, [first.ActiveInstances[0]], Samples.Entry(customerId, 2), null, []), None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.DeleteInstanceAsync(customerId, "instance-1", staleETag, None));

        Assert.NotNull(await Store.GetInstanceAsync(customerId, "instance-1", None));
    }

    [Fact]
    public async Task DeleteInstanceAsync_MissingInstance_ThrowsConflict()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var someETag = (await Store.GetInstanceAsync(customerId, "instance-1", None))!.ETag!;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.DeleteInstanceAsync(customerId, "missing", someETag, None));
    }
}
