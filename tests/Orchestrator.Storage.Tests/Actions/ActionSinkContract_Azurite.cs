using System.Text.Json;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Serialization;
using Orchestrator.Storage.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Actions;

[Collection(AzuriteQueuesCollection.Name)]
public sealed class ActionSinkContract_Azurite(AzuriteFixture azurite) : ActionSinkContract, IAsyncLifetime
{
    private readonly AzuriteStorage _storage = new(azurite);

    protected override IActionSink Sink => _storage.Account.ActionSink();

    public Task InitializeAsync() => _storage.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    // Read the queue as a channel app does: plain-text JSON, one action per message.
    protected override async Task<IReadOnlyList<ActionMessage>> ReadSentAsync()
    {
        var queue = _storage.Account.Queue(_storage.Options.ActionsQueue);
        var messages = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1));
        return [.. messages.Value.Select(m => JsonSerializer.Deserialize(m.MessageText, ApplicationJsonContext.Default.ActionMessage)!)];
    }
}
