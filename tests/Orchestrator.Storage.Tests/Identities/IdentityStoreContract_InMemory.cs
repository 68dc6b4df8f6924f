using Orchestrator.Application.Ports;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Storage.Tests.Identities;

public sealed class IdentityStoreContract_InMemory : IdentityStoreContract
{
    protected override IIdentityStore Store { get; } = new InMemoryIdentityStore();
}
