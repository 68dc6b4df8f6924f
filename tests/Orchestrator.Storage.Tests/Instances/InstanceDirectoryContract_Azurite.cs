using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Instances;

[Collection(AzuriteTablesCollection.Name)]
public sealed class InstanceDirectoryContract_Azurite(AzuriteFixture azurite) : InstanceDirectoryContract, IAsyncLifetime
{
    private readonly AzuriteStorage _storage = new(azurite);

    protected override IInstanceDirectory Directory => _storage.Account.InstanceDirectory();

    public Task InitializeAsync() => _storage.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
