using Azure.Core;
using Azure.Data.Tables;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Storage.Tables;
using Orchestrator.Storage.Tables.Rest;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Tables.Rest;

/// <summary>The hot path's promise with the lean transport, counted on the wire: one request to load, one to commit.</summary>
[Collection(AzuriteTablesCollection.Name)]
public sealed class LeanRoundTripTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly AzuriteStorage _storage = new(azurite);
    private readonly RequestCounter _sdkRequests = new();
    private readonly CountingHandler _leanRequests = new();
    private HttpClient? _http;
    private TableCustomerStore? _store;

    private TableCustomerStore Store => _store ?? throw new InvalidOperationException("Not initialized.");

    private int Requests => _sdkRequests.Count + _leanRequests.Count;

    public async Task InitializeAsync()
    {
        await _storage.CreateAsync();
        var options = new TableClientOptions();
        options.AddPolicy(_sdkRequests, HttpPipelinePosition.PerRetry);
        var tableName = _storage.Options.Prefixed(_storage.Options.CustomersTable);
        var table = new TableClient(azurite.ConnectionString, tableName, options);
        _http = new HttpClient(_leanRequests);
        var lean = new LeanTableClient(
            new TableHttpConnection(_http, new SharedKeyLiteAuthorizer(AzuriteInstance.AccountName, AzuriteInstance.AccountKey, TimeProvider.System), TimeProvider.System),
            new TableAddress(azurite.TableEndpoint, tableName));
        _store = new TableCustomerStore(new TableGateway(table, lean));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _http?.Dispose();

    [Fact]
    public async Task CommitAndLoad_CustomerWithInstancesAndOutbox_SendOneRequestEachOnTheLeanTransport()
    {
        var customerId = Samples.NewId("customer");
        var actions = Enumerable.Range(0, 5).Select(i => Samples.Action(customerId, $"key-{i}")).ToArray();
        var instances = new[] { Samples.NewInstance(customerId, "running"), Samples.NewInstance(customerId, "completed", InstanceRuntimeStatus.Completed) };

        await Store.CommitAsync(new CustomerCommit(Samples.Customer(customerId, 1, null), instances, Samples.Entry(customerId, 1, actions), "tp-1", actions), None);
        Assert.Equal((0, 1), (_sdkRequests.Count, _leanRequests.Count));

        var snapshot = await Store.LoadAsync(customerId, "tp-1", None);

        Assert.Equal((0, 2), (_sdkRequests.Count, _leanRequests.Count));
        Assert.Equal(2, Requests);
        Assert.True(snapshot.TouchpointSeen);
        Assert.Equal(["running"], snapshot.ActiveInstances.Select(i => i.InstanceId));
        Assert.NotNull(snapshot.Customer.ETag);
    }

    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
