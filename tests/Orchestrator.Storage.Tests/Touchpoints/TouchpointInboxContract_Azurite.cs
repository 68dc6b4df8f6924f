using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Touchpoints;

[Collection(AzuriteQueuesCollection.Name)]
public sealed class TouchpointInboxContract_Azurite(AzuriteFixture azurite) : TouchpointInboxContract, IAsyncLifetime
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly AzuriteStorage _storage = new(azurite);

    protected override ITouchpointInbox Inbox => _storage.Account.TouchpointInbox();

    public Task InitializeAsync() => _storage.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected override async Task<int> CountAsync()
    {
        var properties = await _storage.Account.Queue(_storage.Options.TouchpointsQueue).GetPropertiesAsync();
        return properties.Value.ApproximateMessagesCount;
    }

    // Azurite's clock is the real one: the poll in the contract waits against its deadline.
    protected override Task LetTimePassAsync() => Task.Delay(PollInterval);
}
