using Orchestrator.Application.Ports;

namespace Orchestrator.Application.Definitions;

/// <summary>The result of draining or stopping a version.</summary>
/// <param name="Kind">Whether it happened.</param>
/// <param name="Version">The version with its new status; null when not found.</param>
/// <param name="Stopped">How many running instances this call ended (0 for a drain).</param>
/// <param name="Refusal">Why the change is not allowed, when <paramref name="Kind"/> is <see cref="VersionChangeKind.NotAllowed"/>.</param>
public sealed record VersionChange(VersionChangeKind Kind, StoredDefinition? Version, int Stopped, string? Refusal)
{
    /// <summary>Ids of the instances this call ended, so a runtime that runs them elsewhere (Durable) can end them there too.</summary>
    public IReadOnlyList<string> StoppedInstances { get; init; } = [];
}
