using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Definitions;

[Collection(AzuriteTablesCollection.Name)]
public sealed class DefinitionStoreContract_Azurite(AzuriteFixture azurite) : DefinitionStoreContract, IAsyncLifetime
{
    private readonly AzuriteStorage _storage = new(azurite);

    protected override IDefinitionStore Store => _storage.Account.DefinitionStore();

    public Task InitializeAsync() => _storage.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
