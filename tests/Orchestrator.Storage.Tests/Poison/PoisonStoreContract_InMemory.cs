using Orchestrator.Application.Ports;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Storage.Tests.Poison;

public sealed class PoisonStoreContract_InMemory : PoisonStoreContract
{
    protected override IPoisonStore Store { get; } = new InMemoryPoisonStore();
}
