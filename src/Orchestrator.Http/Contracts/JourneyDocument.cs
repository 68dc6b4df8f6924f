using System.Text.Json;

namespace Orchestrator.Http.Contracts;

/// <summary>One journey version with its definition document.</summary>
/// <param name="Id">The journey.</param>
/// <param name="Version">The version.</param>
/// <param name="DeployedAt">When it was deployed.</param>
/// <param name="Definition">The definition document as deployed.</param>
public sealed record JourneyDocument(string Id, int Version, DateTimeOffset DeployedAt, JsonElement Definition);
