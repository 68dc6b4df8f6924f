using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Support;

/// <summary>One Azurite shared by every Table-backed contract class; each test still gets tables of its own.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteTablesCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite tables";
}
