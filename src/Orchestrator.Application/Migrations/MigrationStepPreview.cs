namespace Orchestrator.Application.Migrations;

/// <summary>The running instances at one step of the old version, and what the migration would do to them.</summary>
/// <param name="Step">The old step.</param>
/// <param name="Instances">How many running instances are there.</param>
/// <param name="Action">Move, end or block.</param>
/// <param name="Target">The new step they would move to, when they move.</param>
public sealed record MigrationStepPreview(string Step, int Instances, MigrationAction Action, string? Target);
