using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Actions;

[Collection(AzuriteTablesCollection.Name)]
public sealed class DispatchLogContract_Azurite(AzuriteFixture azurite) : DispatchLogContract, IAsyncLifetime
{
    private readonly AzuriteStorage _storage = new(azurite);

    protected override IDispatchLog Log => _storage.Account.DispatchLog();

    public Task InitializeAsync() => _storage.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
