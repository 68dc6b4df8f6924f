using Azure.Data.Tables;
using Orchestrator.Application.Analytics;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Journeys.Engine;
using Orchestrator.Storage.Tables;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Tables;

/// <summary>
/// An active instance lives in the customer row: its own row is written when it starts and when it ends, not on every
/// advance, so an advance's transaction holds fewer and smaller entities.
/// </summary>
[Collection(AzuriteTablesCollection.Name)]
public sealed class TableCustomerStoreInstanceRowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AzuriteStorage _storage = new(azurite);
    private TableClient? _table;

    private TableClient Table => _table ?? throw new InvalidOperationException("Not initialized.");

    private TableCustomerStore Store => new(new TableGateway(Table));

    public async Task InitializeAsync()
    {
        await _storage.CreateAsync();
        _table = new TableClient(azurite.ConnectionString, _storage.Options.Prefixed(_storage.Options.CustomersTable));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CommitAsync_Advance_LeavesTheInstanceRowAsStartedWhileReadsSeeTheLatestStep()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var rowAtStart = await InstanceRowAsync(customerId, "instance-1");
        var snapshot = await Store.LoadAsync(customerId, null, None);
        var advanced = snapshot.ActiveInstances[0] with { State = snapshot.ActiveInstances[0].State with { CurrentStep = "send-1", StepVisits = 9 } };

        await Store.CommitAsync(new CustomerCommit(snapshot.Customer with { Sequence = 2 }, [advanced], Samples.Entry(customerId, 2), "tp-2", []), None);

        var rowAfter = await InstanceRowAsync(customerId, "instance-1");
        Assert.Equal(rowAtStart.ETag, rowAfter.ETag);
        Assert.Equal("wait-1", CustomerRows.ToInstance(rowAfter).State.CurrentStep);
        Assert.Equal("send-1", (await Store.GetInstanceAsync(customerId, "instance-1", None))?.State.CurrentStep);
        Assert.Equal("send-1", Assert.Single(await Store.ListInstancesAsync(customerId, None)).State.CurrentStep);
    }

    [Fact]
    public async Task CommitAsync_InstanceEnds_WritesItsRowWithTheFinalState()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1"), None);
        var snapshot = await Store.LoadAsync(customerId, null, None);
        var running = snapshot.ActiveInstances[0];
        var ended = running with { State = running.State with { CurrentStep = "done", Status = JourneyStatus.Completed }, RuntimeStatus = InstanceRuntimeStatus.Completed };

        await Store.CommitAsync(new CustomerCommit(snapshot.Customer with { Sequence = 2 }, [ended], Samples.Entry(customerId, 2), "tp-2", []), None);

        var row = await InstanceRowAsync(customerId, "instance-1");
        Assert.False(CustomerRows.IsActiveInstance(row));
        Json.Equal(ended, CustomerRows.ToInstance(row));
    }

    [Fact]
    public void Transaction_StartAdvanceEnd_WritesTheInstanceRowOnlyAtStartAndEnd()
    {
        var customerId = Samples.NewId("customer");
        var start = Samples.FirstCommit(customerId, "instance-1", "tp-1") with { Analytics = Analytics(customerId, 1) };
        var read = Samples.NewInstance(customerId, "instance-1") with { ETag = EmbeddedInstance.ETagOf(1) };
        var customer = Samples.Customer(customerId, 1, "W/\"etag\"") with { ActiveInstances = [read] };
        var advanced = read with { State = read.State with { CurrentStep = "send-1" } };
        var advance = new CustomerCommit(customer with { Sequence = 2 }, [advanced], Samples.Entry(customerId, 2), "tp-2", []) { Analytics = Analytics(customerId, 2) };
        var ended = read with { State = read.State with { Status = JourneyStatus.Completed }, RuntimeStatus = InstanceRuntimeStatus.Completed };
        var end = new CustomerCommit(customer with { Sequence = 2 }, [ended], Samples.Entry(customerId, 2), "tp-2", []) { Analytics = Analytics(customerId, 2) };

        // Marker, customer, instance row at start and end only, timeline entry, analytics record.
        Assert.Equal(5, TableCustomerStore.Transaction(start).Count);
        Assert.Equal(4, TableCustomerStore.Transaction(advance).Count);
        Assert.Equal(5, TableCustomerStore.Transaction(end).Count);
        Assert.DoesNotContain(TableCustomerStore.Transaction(advance), a => a.Entity.RowKey.StartsWith(CustomerRows.InstancePrefix, StringComparison.Ordinal));
    }

    private static AnalyticsRecord Analytics(string customerId, long sequence) => new(customerId, sequence, Samples.T0, []);

    private async Task<TableEntity> InstanceRowAsync(string customerId, string instanceId) =>
        (await Table.GetEntityAsync<TableEntity>(KeyEncoding.Encode(customerId), CustomerRows.InstanceKey(instanceId))).Value;
}
