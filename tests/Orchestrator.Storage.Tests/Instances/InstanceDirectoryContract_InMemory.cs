using Orchestrator.Application.Ports;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Storage.Tests.Instances;

public sealed class InstanceDirectoryContract_InMemory : InstanceDirectoryContract
{
    protected override IInstanceDirectory Directory { get; } = new InMemoryInstanceDirectory();
}
