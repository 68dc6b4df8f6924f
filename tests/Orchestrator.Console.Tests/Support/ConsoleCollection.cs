namespace Orchestrator.Console.Tests.Support;

/// <summary>Every console test shares one host and one browser: starting them is most of the run's time.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Console";
}
