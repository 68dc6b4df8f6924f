using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Migrations;

[Collection(AzuriteTablesCollection.Name)]
public sealed class MigrationStoreContract_Azurite(AzuriteFixture azurite) : MigrationStoreContract, IAsyncLifetime
{
    private readonly AzuriteStorage _storage = new(azurite);

    protected override IMigrationStore Store => _storage.Account.MigrationStore();

    public Task InitializeAsync() => _storage.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
