namespace Orchestrator.Application.Ports;

/// <summary>One immutable deployed version of a journey definition.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">Version number, from 1.</param>
/// <param name="Json">The definition document as deployed.</param>
/// <param name="DeployedAt">When it was deployed.</param>
public sealed record StoredDefinition(string JourneyId, int Version, string Json, DateTimeOffset DeployedAt);
