using Orchestrator.Application.Ports;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Storage.Tests.Definitions;

public sealed class DefinitionStoreContract_InMemory : DefinitionStoreContract
{
    protected override IDefinitionStore Store { get; } = new InMemoryDefinitionStore();
}
