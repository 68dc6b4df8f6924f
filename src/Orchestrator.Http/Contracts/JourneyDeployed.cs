namespace Orchestrator.Http.Contracts;

/// <summary>A deployed journey version.</summary>
/// <param name="Id">The journey.</param>
/// <param name="Version">The version just stored and made active.</param>
public sealed record JourneyDeployed(string Id, int Version);
