namespace Orchestrator.Application.Ports;

/// <summary>
/// Versioned journey definitions. Versions are immutable; the latest version of a journey is active unless an
/// operator drained or stopped it, and older versions are superseded unless drained or stopped.
/// </summary>
public interface IDefinitionStore
{
    /// <summary>Stores a new version and makes it active.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="json">The validated definition.</param>
    /// <param name="at">Deployment time.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored version.</returns>
    Task<StoredDefinition> DeployAsync(string journeyId, string json, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Reads one version.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The version, or null.</returns>
    Task<StoredDefinition?> GetAsync(string journeyId, int version, CancellationToken cancellationToken);

    /// <summary>Reads the latest version of every journey, with its status (which may be draining or stopped).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Latest versions, by journey id.</returns>
    Task<IReadOnlyList<StoredDefinition>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>Marks a version <see cref="VersionStatus.Draining"/> or <see cref="VersionStatus.Stopped"/>, if it still has the status expected.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version.</param>
    /// <param name="expected">The status the caller read; the change is refused when it differs now.</param>
    /// <param name="status">The new status: draining or stopped.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The version with its new status, or null when it does not exist.</returns>
    /// <exception cref="ConcurrencyConflictException">The version's status is no longer <paramref name="expected"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is active or superseded, which only deploys set.</exception>
    Task<StoredDefinition?> SetStatusAsync(string journeyId, int version, VersionStatus expected, VersionStatus status, CancellationToken cancellationToken);
}
