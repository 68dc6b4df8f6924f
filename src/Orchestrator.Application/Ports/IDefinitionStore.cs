namespace Orchestrator.Application.Ports;

/// <summary>Versioned journey definitions. Versions are immutable; one version per journey is active.</summary>
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

    /// <summary>Reads the active version of every journey.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Active versions.</returns>
    Task<IReadOnlyList<StoredDefinition>> ListActiveAsync(CancellationToken cancellationToken);
}
