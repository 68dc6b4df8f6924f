using Orchestrator.Application.Ports;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Storage.Tests.Migrations;

public sealed class MigrationStoreContract_InMemory : MigrationStoreContract
{
    protected override IMigrationStore Store { get; } = new InMemoryMigrationStore();
}
