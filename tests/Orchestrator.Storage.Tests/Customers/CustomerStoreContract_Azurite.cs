using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Customers;

[Collection(AzuriteTablesCollection.Name)]
public sealed class CustomerStoreContract_Azurite(AzuriteFixture azurite) : CustomerStoreContract, IAsyncLifetime
{
    private readonly AzuriteStorage _storage = new(azurite);

    protected override ICustomerStore Store => _storage.Account.CustomerStore();

    public Task InitializeAsync() => _storage.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
