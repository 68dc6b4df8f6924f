using Orchestrator.Application.Actions;
using Orchestrator.Application.Ports;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Storage.Tests.Actions;

public sealed class ActionSinkContract_InMemory : ActionSinkContract
{
    private readonly InMemoryActionSink _sink = new();

    protected override IActionSink Sink => _sink;

    protected override Task<IReadOnlyList<ActionMessage>> ReadSentAsync() => Task.FromResult(_sink.Sent);
}
