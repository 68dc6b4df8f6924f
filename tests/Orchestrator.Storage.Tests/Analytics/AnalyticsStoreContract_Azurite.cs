using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Analytics;

[Collection(AzuriteTablesCollection.Name)]
public sealed class AnalyticsStoreContract_Azurite(AzuriteFixture azurite) : AnalyticsStoreContract, IAsyncLifetime
{
    private readonly AzuriteStorage _storage = new(azurite);

    protected override IAnalyticsStore Store => _storage.Account.AnalyticsStore();

    public Task InitializeAsync() => _storage.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
