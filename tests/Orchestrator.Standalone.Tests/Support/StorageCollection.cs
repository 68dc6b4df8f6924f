using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Support;

/// <summary>One Azurite for every host test; each test class keeps its tables and queues apart with a prefix of its own.</summary>
[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
