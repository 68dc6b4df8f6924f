using Azure.Core;
using Azure.Data.Tables;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Storage.Tables;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Tables;

/// <summary>The hot path's promise, counted on the wire: one request to load a customer, one to commit.</summary>
[Collection(AzuriteTablesCollection.Name)]
public sealed class TableCustomerStoreRoundTripTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AzuriteStorage _storage = new(azurite);
    private readonly RequestCounter _requests = new();
    private TableCustomerStore? _store;

    private TableCustomerStore Store => _store ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        await _storage.CreateAsync();
        var options = new TableClientOptions();
        options.AddPolicy(_requests, HttpPipelinePosition.PerRetry);
        var table = new TableClient(azurite.ConnectionString, _storage.Options.Prefixed(_storage.Options.CustomersTable), options);
        _store = new TableCustomerStore(new TableGateway(table));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CommitAsync_CustomerInstancesMarkerTimelineAndOutbox_SendsOneRequest()
    {
        var customerId = Samples.NewId("customer");
        var actions = Enumerable.Range(0, 10).Select(i => Samples.Action(customerId, $"key-{i}")).ToArray();
        var commit = new CustomerCommit(
            Samples.Customer(customerId, 1, null),
            [Samples.NewInstance(customerId, "instance-1"), Samples.NewInstance(customerId, "instance-2")],
            Samples.Entry(customerId, 1, actions),
            "tp-1",
            actions);

        await Store.CommitAsync(commit, None);

        Assert.Equal(1, _requests.Count);
    }

    [Fact]
    public async Task LoadAsync_PartitionWithEveryKindOfRow_SendsOneRequestAndReadsOnlyWhatItNeeds()
    {
        var customerId = Samples.NewId("customer");
        var instances = new[]
        {
            Samples.NewInstance(customerId, "running"),
            Samples.NewInstance(customerId, "completed", InstanceRuntimeStatus.Completed),
        };
        var actions = new[] { Samples.Action(customerId, "key-1") };
        await Store.CommitAsync(new CustomerCommit(Samples.Customer(customerId, 1, null), instances, Samples.Entry(customerId, 1, actions), "tp-1", actions), None);
        _requests.Reset();

        var snapshot = await Store.LoadAsync(customerId, "tp-1", None);

        Assert.Equal(1, _requests.Count);
        Assert.True(snapshot.TouchpointSeen);
        Assert.Equal(["running"], snapshot.ActiveInstances.Select(i => i.InstanceId));
        Assert.NotNull(snapshot.Customer.ETag);
    }
}
