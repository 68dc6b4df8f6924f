using System.Text.Json;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Ports;

namespace Orchestrator.Http.Contracts;

/// <summary>One journey version with its definition document, its status and its instances counted.</summary>
/// <param name="Id">The journey.</param>
/// <param name="Version">The version.</param>
/// <param name="Status">Its lifecycle status.</param>
/// <param name="DeployedAt">When it was deployed.</param>
/// <param name="Definition">The definition document as deployed.</param>
/// <param name="Instances">Its instances: running (by step) and completed.</param>
public sealed record JourneyVersionView(string Id, int Version, VersionStatus Status, DateTimeOffset DeployedAt, JsonElement Definition, VersionInstances Instances);
