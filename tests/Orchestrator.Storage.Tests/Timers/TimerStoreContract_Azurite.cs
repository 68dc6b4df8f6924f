using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Timers;

[Collection(AzuriteTablesCollection.Name)]
public sealed class TimerStoreContract_Azurite(AzuriteFixture azurite) : TimerStoreContract, IAsyncLifetime
{
    private readonly AzuriteStorage _storage = new(azurite);

    protected override ITimerStore Store => _storage.Account.TimerStore();

    public Task InitializeAsync() => _storage.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
