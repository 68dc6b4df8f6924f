using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Poison;

[Collection(AzuriteTablesCollection.Name)]
public sealed class PoisonStoreContract_Azurite(AzuriteFixture azurite) : PoisonStoreContract, IAsyncLifetime
{
    private readonly AzuriteStorage _storage = new(azurite);

    protected override IPoisonStore Store => _storage.Account.PoisonStore();

    public Task InitializeAsync() => _storage.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
