namespace Orchestrator.Application.Migrations;

/// <summary>A dry run: how many running instances sit at each old step, where each would go, and what would block.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="From">The version instances would leave.</param>
/// <param name="To">The version they would move to.</param>
/// <param name="Total">Running instances on the old version.</param>
/// <param name="Moved">Of them, those that would move.</param>
/// <param name="Ended">Those that would end (at an unmapped step, with an unmapped rule).</param>
/// <param name="Blocked">Those that block the migration (at an unmapped step, with no unmapped rule).</param>
/// <param name="Steps">Per old step, in step-id order.</param>
public sealed record MigrationPreview(
    string JourneyId,
    int From,
    int To,
    int Total,
    int Moved,
    int Ended,
    int Blocked,
    IReadOnlyList<MigrationStepPreview> Steps);
