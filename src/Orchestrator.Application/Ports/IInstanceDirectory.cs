namespace Orchestrator.Application.Ports;

/// <summary>Instance id → customer. Written before the instance itself, so an entry may point at an instance that never committed.</summary>
public interface IInstanceDirectory
{
    /// <summary>Records an instance's location (idempotent).</summary>
    /// <param name="location">The location.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when durable.</returns>
    Task AddAsync(InstanceLocation location, CancellationToken cancellationToken);

    /// <summary>Finds an instance's location.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The location, or null.</returns>
    Task<InstanceLocation?> FindAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Lists entries in instance-id key order, one page at a time.</summary>
    /// <param name="query">Prefix, created-time range, page size and where to continue.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <see cref="InstanceDirectoryQuery.PageSize"/> entries and the token of the next page, if any.</returns>
    /// <remarks>
    /// The directory holds where an instance lives, not its status: callers filter by status after reading the
    /// instances themselves. A page may hold fewer entries than asked for and still have a next page.
    /// </remarks>
    Task<InstanceDirectoryPage> QueryAsync(InstanceDirectoryQuery query, CancellationToken cancellationToken);

    /// <summary>Removes an entry (purge); a missing entry is fine.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the entry is gone.</returns>
    Task DeleteAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Lists the instances of one journey version, oldest first (then by instance id).</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Their locations, including entries for instances that never committed.</returns>
    Task<IReadOnlyList<InstanceLocation>> ListByVersionAsync(string journeyId, int version, CancellationToken cancellationToken);
}
