using Orchestrator.Application.Ports;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Storage.Tests.Actions;

public sealed class DispatchLogContract_InMemory : DispatchLogContract
{
    protected override IDispatchLog Log { get; } = new InMemoryDispatchLog();
}
