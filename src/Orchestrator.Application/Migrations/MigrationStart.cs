using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Application.Migrations;

/// <summary>What asking for a migration gave: errors in the request, a preview that blocks, or the migration started.</summary>
/// <param name="Errors">Each error with the JSON pointer into the request at fault; empty when the request is valid.</param>
/// <param name="Preview">The dry run, when the request is valid.</param>
/// <param name="Migration">The migration started, when the request was not a dry run and nothing blocks.</param>
public sealed record MigrationStart(IReadOnlyList<DefinitionError> Errors, MigrationPreview? Preview, MigrationRecord? Migration)
{
    /// <summary>Whether running instances sit at unmapped steps with no unmapped rule, so nothing was started.</summary>
    public bool IsBlocked => Errors.Count == 0 && Migration is null && Preview is { Blocked: > 0 };
}
