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
}
