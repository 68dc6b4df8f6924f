namespace Orchestrator.Application.Ports;

/// <summary>One page of directory entries.</summary>
/// <param name="Locations">The entries, in instance-id key order.</param>
/// <param name="ContinuationToken">Opaque token for the next page; null when this is the last.</param>
public sealed record InstanceDirectoryPage(IReadOnlyList<InstanceLocation> Locations, string? ContinuationToken);
