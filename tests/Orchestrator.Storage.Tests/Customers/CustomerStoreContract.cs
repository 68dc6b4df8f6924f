using Orchestrator.Application.Actions;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Engine;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Customers;

/// <summary>What every <see cref="ICustomerStore"/> must do; run against each implementation.</summary>
public abstract partial class CustomerStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract ICustomerStore Store { get; }

    [Fact]
    public async Task LoadAsync_NewCustomer_ReturnsEmptyRecordWithoutETag()
    {
        var customerId = Samples.NewId("customer");

        var snapshot = await Store.LoadAsync(customerId, "tp-1", None);

        Assert.Equal(customerId, snapshot.Customer.CustomerId);
        Assert.Equal(0, snapshot.Customer.Sequence);
        Assert.Empty(snapshot.Customer.Entries);
        Assert.Null(snapshot.Customer.ETag);
        Assert.Empty(snapshot.ActiveInstances);
        Assert.False(snapshot.TouchpointSeen);
    }

    [Fact]
    public async Task CommitAsync_NewCustomer_LoadReturnsRecordInstanceAndETags()
    {
        var customerId = Samples.NewId("customer");
        var commit = Samples.FirstCommit(customerId, "instance-1", "tp-1", Samples.Action(customerId, "key-1"));

        await Store.CommitAsync(commit, None);
        var snapshot = await Store.LoadAsync(customerId, "tp-1", None);

        Assert.Equal(1, snapshot.Customer.Sequence);
        Assert.Equal(commit.Customer.Entries, snapshot.Customer.Entries);
        Assert.False(string.IsNullOrEmpty(snapshot.Customer.ETag));
        var instance = Assert.Single(snapshot.ActiveInstances);
        Json.Equal(commit.Instances[0], instance);
        Assert.False(string.IsNullOrEmpty(instance.ETag));
        Assert.True(snapshot.TouchpointSeen);
    }

    [Fact]
    public async Task LoadAsync_OtherOrNoTouchpoint_ReportsNotSeen()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);

        var other = await Store.LoadAsync(customerId, "tp-2", None);
        var none = await Store.LoadAsync(customerId, null, None);

        Assert.False(other.TouchpointSeen);
        Assert.False(none.TouchpointSeen);
        Assert.NotNull(none.Customer.ETag);
        Assert.Single(none.ActiveInstances);
    }

    [Fact]
    public async Task CommitAsync_WithETagsFromLoad_ReplacesCustomerAndInstanceWithNewETags()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var first = await Store.LoadAsync(customerId, "tp-2", None);
        var advanced = first.ActiveInstances[0] with { State = first.ActiveInstances[0].State with { CurrentStep = "send-1", StepVisits = 5 } };

        await Store.CommitAsync(
            new CustomerCommit(first.Customer with { Sequence = 2 }, [advanced], Samples.Entry(customerId, 2), "tp-2", []),
            None);
        var second = await Store.LoadAsync(customerId, "tp-2", None);

        Assert.Equal(2, second.Customer.Sequence);
        Assert.NotEqual(first.Customer.ETag, second.Customer.ETag);
        var instance = Assert.Single(second.ActiveInstances);
        Json.Equal(advanced, instance);
        Assert.NotEqual(first.ActiveInstances[0].ETag, instance.ETag);
        Assert.True(second.TouchpointSeen);
    }

    [Fact]
    public async Task LoadAsync_InactiveInstances_AreExcludedButListed()
    {
        var customerId = Samples.NewId("customer");
        var instances = new[]
        {
            Samples.NewInstance(customerId, "running", InstanceRuntimeStatus.Running, Samples.T0.AddMinutes(1)),
            Samples.NewInstance(customerId, "suspended", InstanceRuntimeStatus.Suspended, Samples.T0.AddMinutes(2)),
            Samples.NewInstance(customerId, "completed", InstanceRuntimeStatus.Completed, Samples.T0),
            Samples.NewInstance(customerId, "terminated", InstanceRuntimeStatus.Terminated, Samples.T0.AddMinutes(3)),
            Samples.NewInstance(customerId, "failed", InstanceRuntimeStatus.Failed, Samples.T0.AddMinutes(4)),
        };
        await Store.CommitAsync(new CustomerCommit(Samples.Customer(customerId, 1, null), instances, Samples.Entry(customerId, 1), null, []), None);

        var snapshot = await Store.LoadAsync(customerId, null, None);
        var all = await Store.ListInstancesAsync(customerId, None);

        Assert.Equal(["running", "suspended"], snapshot.ActiveInstances.Select(i => i.InstanceId));
        Assert.Equal(["completed", "running", "suspended", "terminated", "failed"], all.Select(i => i.InstanceId));
        Assert.All(all, i => Assert.False(string.IsNullOrEmpty(i.ETag)));
    }

    [Fact]
    public async Task CommitAsync_InstanceCompletes_LeavesLoadButStaysReadable()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var snapshot = await Store.LoadAsync(customerId, null, None);
        var running = snapshot.ActiveInstances[0];
        var completed = running with { State = running.State with { Status = JourneyStatus.Completed }, RuntimeStatus = InstanceRuntimeStatus.Completed };

        await Store.CommitAsync(new CustomerCommit(snapshot.Customer with { Sequence = 2 }, [completed], Samples.Entry(customerId, 2), null, []), None);

        Assert.Empty((await Store.LoadAsync(customerId, null, None)).ActiveInstances);
        Json.Equal(completed, await Store.GetInstanceAsync(customerId, "instance-1", None));
    }

    [Fact]
    public async Task GetInstanceAsync_UnknownInstanceOrCustomer_ReturnsNull()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", null), None);

        Assert.Null(await Store.GetInstanceAsync(customerId, "instance-2", None));
        Assert.Null(await Store.GetInstanceAsync(Samples.NewId("customer"), "instance-1", None));
        Assert.Empty(await Store.ListInstancesAsync(Samples.NewId("customer"), None));
        Assert.Empty(await Store.ReadTimelineAsync(Samples.NewId("customer"), None));
    }

    private async Task<List<ActionMessage>> ReadAllOutboxesAsync()
    {
        var actions = new List<ActionMessage>();
        await foreach (var action in Store.ReadAllOutboxesAsync(None))
        {
            actions.Add(action);
        }

        return actions;
    }
}
