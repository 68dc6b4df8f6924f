namespace Orchestrator.Standalone.Contracts;

/// <summary>A journey's active version, as listed.</summary>
/// <param name="Id">The journey.</param>
/// <param name="Version">The active version.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Category">Its category, when it has one.</param>
/// <param name="DeployedAt">When the version was deployed.</param>
public sealed record JourneySummary(string Id, int Version, string? Name, string? Category, DateTimeOffset DeployedAt);
