using Orchestrator.Application.Ports;

namespace Orchestrator.Http.Contracts;

/// <summary>A journey's latest version, as listed.</summary>
/// <param name="Id">The journey.</param>
/// <param name="Version">The latest version.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Category">Its category, when it has one.</param>
/// <param name="DeployedAt">When the version was deployed.</param>
/// <param name="Status">Its status: <c>Active</c>, or <c>Draining</c>/<c>Stopped</c> when it takes no new entries.</param>
public sealed record JourneySummary(string Id, int Version, string? Name, string? Category, DateTimeOffset DeployedAt, VersionStatus Status);
