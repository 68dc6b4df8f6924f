namespace Orchestrator.Application.Ports;

/// <summary>One immutable deployed version of a journey definition, with its lifecycle status.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">Version number, from 1.</param>
/// <param name="Json">The definition document as deployed.</param>
/// <param name="DeployedAt">When it was deployed.</param>
/// <param name="Status">
/// Its status: <see cref="VersionStatus.Draining"/> or <see cref="VersionStatus.Stopped"/> once an operator said so,
/// otherwise <see cref="VersionStatus.Active"/> for the latest version and <see cref="VersionStatus.Superseded"/> for older ones.
/// </param>
public sealed record StoredDefinition(string JourneyId, int Version, string Json, DateTimeOffset DeployedAt, VersionStatus Status = VersionStatus.Active)
{
    /// <summary>Whether the version takes new entries.</summary>
    public bool TakesEntries => Status == VersionStatus.Active;
}
