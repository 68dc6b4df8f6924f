using Orchestrator.Application.Ports;

namespace Orchestrator.Application.Migrations;

/// <summary>What an operator asks of a migration: move a journey's running instances from one version to another.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="From">The version instances leave.</param>
/// <param name="To">The version they move to.</param>
/// <param name="Steps">Old step id → new step id.</param>
/// <param name="Unmapped">End instances at a step the map does not name, so; null leaves them blocking the migration.</param>
public sealed record MigrationRequest(string JourneyId, int From, int To, IReadOnlyDictionary<string, string> Steps, UnmappedInstances? Unmapped);
