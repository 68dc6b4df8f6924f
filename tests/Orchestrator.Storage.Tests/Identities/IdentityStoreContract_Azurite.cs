using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Identities;

[Collection(AzuriteTablesCollection.Name)]
public sealed class IdentityStoreContract_Azurite(AzuriteFixture azurite) : IdentityStoreContract, IAsyncLifetime
{
    private readonly AzuriteStorage _storage = new(azurite);

    protected override IIdentityStore Store => _storage.Account.IdentityStore();

    public Task InitializeAsync() => _storage.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
