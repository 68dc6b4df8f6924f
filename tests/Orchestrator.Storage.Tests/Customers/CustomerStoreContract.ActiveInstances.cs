using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Engine;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Customers;

// Reads of one instance see what a load sees: the latest state of an active instance, however it is kept.
public abstract partial class CustomerStoreContract
{
    [Fact]
    public async Task GetInstanceAsync_ActiveInstanceAdvancedTwice_ReturnsLatestStateWithTheLoadsETag()
    {
        var customerId = Samples.NewId("customer");
        var latest = await StartAndAdvanceAsync(customerId, "send-1", "wait-2");

        var read = await Store.GetInstanceAsync(customerId, "instance-1", None);
        var loaded = Assert.Single((await Store.LoadAsync(customerId, null, None)).ActiveInstances);

        Json.Equal(latest, read);
        Assert.Equal(loaded.ETag, read!.ETag);
    }

    [Fact]
    public async Task ListInstancesAsync_ActiveAndEndedInstancesAdvanced_ReturnsLatestStateOfEach()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(
            new CustomerCommit(Samples.Customer(customerId, 1, null), [Samples.NewInstance(customerId, "a"), Samples.NewInstance(customerId, "b")], Samples.Entry(customerId, 1), null, []),
            None);
        var snapshot = await Store.LoadAsync(customerId, null, None);
        var a = Step(snapshot.ActiveInstances.Single(i => i.InstanceId == "a"), "send-1");
        var b = Step(snapshot.ActiveInstances.Single(i => i.InstanceId == "b"), "done") with { RuntimeStatus = InstanceRuntimeStatus.Completed };
        b = b with { State = b.State with { Status = JourneyStatus.Completed } };
        await Store.CommitAsync(new CustomerCommit(snapshot.Customer with { Sequence = 2 }, [a, b], Samples.Entry(customerId, 2), null, []), None);

        var all = await Store.ListInstancesAsync(customerId, None);

        Assert.Equal(["a", "b"], all.Select(i => i.InstanceId).Order(StringComparer.Ordinal));
        Assert.Equal("send-1", all.Single(i => i.InstanceId == "a").State.CurrentStep);
        Assert.Equal(InstanceRuntimeStatus.Completed, all.Single(i => i.InstanceId == "b").RuntimeStatus);
        Assert.Equal("done", all.Single(i => i.InstanceId == "b").State.CurrentStep);
        Assert.Equal(
            (await Store.LoadAsync(customerId, null, None)).ActiveInstances.Single().ETag,
            all.Single(i => i.InstanceId == "a").ETag);
    }

    [Fact]
    public async Task GetInstanceAsync_InstanceEndedAfterAdvances_ReturnsItsFinalState()
    {
        var customerId = Samples.NewId("customer");
        await StartAndAdvanceAsync(customerId, "send-1", "wait-2");
        var snapshot = await Store.LoadAsync(customerId, null, None);
        var ended = Step(snapshot.ActiveInstances[0], "done") with { RuntimeStatus = InstanceRuntimeStatus.Completed };
        ended = ended with { State = ended.State with { Status = JourneyStatus.Completed, Version = 4 } };

        await Store.CommitAsync(new CustomerCommit(snapshot.Customer with { Sequence = 4 }, [ended], Samples.Entry(customerId, 4), null, []), None);

        var read = await Store.GetInstanceAsync(customerId, "instance-1", None);
        Json.Equal(ended, read);
        Assert.Equal(read!.ETag, Assert.Single(await Store.ListInstancesAsync(customerId, None)).ETag);
    }

    [Fact]
    public async Task GetInstanceAsync_InstanceMovedToAnotherVersion_ReturnsTheNewVersion()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var snapshot = await Store.LoadAsync(customerId, null, None);
        var moved = Step(snapshot.ActiveInstances[0], "send-1");
        moved = moved with { State = moved.State with { Version = 4 } };

        await Store.CommitAsync(new CustomerCommit(snapshot.Customer with { Sequence = 2 }, [moved], Samples.Entry(customerId, 2), null, []), None);

        Json.Equal(moved, await Store.GetInstanceAsync(customerId, "instance-1", None));
        Assert.Equal(4, Assert.Single(await Store.ListInstancesAsync(customerId, None)).State.Version);
    }

    [Fact]
    public async Task CommitAsync_ActiveInstanceReadOnItsOwnThenAdvancedElsewhere_ThrowsConflict()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var read = (await Store.GetInstanceAsync(customerId, "instance-1", None))!;
        await StepAsync(customerId, "send-1", sequence: 2);
        var current = await Store.LoadAsync(customerId, null, None);

        var losing = new CustomerCommit(current.Customer with { Sequence = 3 }, [Step(read, "lost")], Samples.Entry(customerId, 3), null, []);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(losing, None));
        Assert.Equal("send-1", (await Store.GetInstanceAsync(customerId, "instance-1", None))?.State.CurrentStep);
    }

    [Fact]
    public async Task DeleteInstanceAsync_ActiveInstanceWithETagFromGetInstance_RemovesItEverywhere()
    {
        var customerId = Samples.NewId("customer");
        await StartAndAdvanceAsync(customerId, "send-1");
        var read = (await Store.GetInstanceAsync(customerId, "instance-1", None))!;

        await Store.DeleteInstanceAsync(customerId, "instance-1", read.ETag!, None);

        Assert.Null(await Store.GetInstanceAsync(customerId, "instance-1", None));
        Assert.Empty(await Store.ListInstancesAsync(customerId, None));
        Assert.Empty((await Store.LoadAsync(customerId, null, None)).ActiveInstances);
    }

    private static InstanceRecord Step(InstanceRecord instance, string step) =>
        instance with { State = instance.State with { CurrentStep = step, StepVisits = instance.State.StepVisits + 1 } };

    // Starts instance-1, then commits one advance per step, each from a fresh load; returns the last one committed.
    private async Task<InstanceRecord> StartAndAdvanceAsync(string customerId, params string[] steps)
    {
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        InstanceRecord? latest = null;
        for (var i = 0; i < steps.Length; i++)
        {
            latest = await StepAsync(customerId, steps[i], sequence: i + 2);
        }

        return latest ?? throw new ArgumentException("Name at least one step.", nameof(steps));
    }

    private async Task<InstanceRecord> StepAsync(string customerId, string step, long sequence)
    {
        var snapshot = await Store.LoadAsync(customerId, null, None);
        var advanced = Step(snapshot.ActiveInstances.Single(i => i.InstanceId == "instance-1"), step);
        await Store.CommitAsync(new CustomerCommit(snapshot.Customer with { Sequence = sequence }, [advanced], Samples.Entry(customerId, sequence), $"tp-{sequence}", []), None);
        return advanced;
    }
}
