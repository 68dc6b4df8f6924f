using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Support;

/// <summary>
/// A second Azurite for the queue contracts, whose visibility tests wait on the real clock: a collection of
/// their own lets them run beside the Table tests instead of after them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AzuriteQueuesCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite queues";
}
