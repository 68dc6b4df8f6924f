using Orchestrator.Application.Ports;

namespace Orchestrator.Http.Contracts;

/// <summary>A migration and its progress, as <c>GET /api/journeys/{id}/migrations/{migrationId}</c> answers.</summary>
/// <param name="Id">The migration id.</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="From">The version instances leave.</param>
/// <param name="To">The version they move to.</param>
/// <param name="State">running, completed or failed.</param>
/// <param name="Total">Running instances on the old version when it started.</param>
/// <param name="Moved">Instances moved.</param>
/// <param name="Ended">Instances at an unmapped step that were ended.</param>
/// <param name="Blocked">Instances at an unmapped step left on the old version.</param>
/// <param name="Failed">Instances whose move failed.</param>
/// <param name="Steps">The step map.</param>
/// <param name="Unmapped">What happens to instances at an unmapped step.</param>
/// <param name="CreatedAt">When it was asked for.</param>
/// <param name="UpdatedAt">When its progress was last written.</param>
/// <param name="Error">The last failure, if any.</param>
public sealed record MigrationView(
    string Id,
    string JourneyId,
    int From,
    int To,
    MigrationState State,
    int Total,
    int Moved,
    int Ended,
    int Blocked,
    int Failed,
    IReadOnlyDictionary<string, string> Steps,
    UnmappedInstances? Unmapped,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Error)
{
    /// <summary>The view of a stored migration.</summary>
    /// <param name="migration">The migration.</param>
    /// <returns>The view.</returns>
    public static MigrationView Of(MigrationRecord migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        return new(
            migration.Id, migration.JourneyId, migration.From, migration.To, migration.State, migration.Total, migration.Moved,
            migration.Ended, migration.Blocked, migration.Failed, migration.Steps, migration.Unmapped, migration.CreatedAt,
            migration.UpdatedAt, migration.Error);
    }
}
