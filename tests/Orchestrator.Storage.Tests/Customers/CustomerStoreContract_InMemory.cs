using Orchestrator.Application.Ports;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Storage.Tests.Customers;

public sealed class CustomerStoreContract_InMemory : CustomerStoreContract
{
    protected override ICustomerStore Store { get; } = new InMemoryCustomerStore();
}
