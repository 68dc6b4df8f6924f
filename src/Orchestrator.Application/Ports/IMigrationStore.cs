namespace Orchestrator.Application.Ports;

/// <summary>Migrations and their progress, so a migration survives a host restart and is continued.</summary>
public interface IMigrationStore
{
    /// <summary>Stores a new migration.</summary>
    /// <param name="migration">The migration, with no ETag.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The migration as stored, with its ETag.</returns>
    /// <exception cref="ConcurrencyConflictException">A migration of that journey with that id exists.</exception>
    Task<MigrationRecord> CreateAsync(MigrationRecord migration, CancellationToken cancellationToken);

    /// <summary>Writes a migration's progress, if it has not changed since it was read.</summary>
    /// <param name="migration">The migration, with the ETag read.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The migration as stored, with its new ETag.</returns>
    /// <exception cref="ConcurrencyConflictException">Another writer changed it since.</exception>
    Task<MigrationRecord> UpdateAsync(MigrationRecord migration, CancellationToken cancellationToken);

    /// <summary>Reads one migration.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="id">The migration id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The migration, or null.</returns>
    Task<MigrationRecord?> GetAsync(string journeyId, string id, CancellationToken cancellationToken);

    /// <summary>Lists the migrations still running, of every journey, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The running migrations.</returns>
    Task<IReadOnlyList<MigrationRecord>> ListRunningAsync(CancellationToken cancellationToken);
}
