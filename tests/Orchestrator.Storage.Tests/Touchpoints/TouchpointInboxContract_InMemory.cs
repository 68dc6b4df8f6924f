using Microsoft.Extensions.Time.Testing;
using Orchestrator.Application.Ports;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Storage.Tests.Touchpoints;

public sealed class TouchpointInboxContract_InMemory : TouchpointInboxContract
{
    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryTouchpointInbox _inbox;

    public TouchpointInboxContract_InMemory() => _inbox = new InMemoryTouchpointInbox(_time);

    protected override ITouchpointInbox Inbox => _inbox;

    protected override Task<int> CountAsync() => Task.FromResult(_inbox.Count);

    protected override Task LetTimePassAsync()
    {
        _time.Advance(TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }
}
