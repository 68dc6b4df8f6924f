using Orchestrator.Application.Migrations;

namespace Orchestrator.Http.Contracts;

/// <summary>The answer to a migration that was started: the dry run it passed, and the migration to follow.</summary>
/// <param name="Preview">Where each running instance goes.</param>
/// <param name="Migration">The migration, running.</param>
public sealed record MigrationStarted(MigrationPreview Preview, MigrationView Migration);
