using Orchestrator.Application.Ports;

namespace Orchestrator.Http.Contracts;

/// <summary>The answer to a drain or stop.</summary>
/// <param name="Id">The journey.</param>
/// <param name="Version">The version.</param>
/// <param name="Status">Its status now.</param>
/// <param name="Stopped">How many running instances this request stopped (0 for a drain).</param>
public sealed record VersionChanged(string Id, int Version, VersionStatus Status, int Stopped);
