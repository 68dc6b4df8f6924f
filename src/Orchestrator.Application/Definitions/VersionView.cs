using Orchestrator.Application.Ports;

namespace Orchestrator.Application.Definitions;

/// <summary>One version with its status and its instances counted.</summary>
/// <param name="Definition">The stored version, with its status.</param>
/// <param name="Instances">Its instances.</param>
public sealed record VersionView(StoredDefinition Definition, VersionInstances Instances);
