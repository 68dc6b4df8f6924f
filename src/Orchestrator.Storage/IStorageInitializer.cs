namespace Orchestrator.Storage;

/// <summary>Creates what the stores need (tables, queues) when it is missing. Run once at start-up.</summary>
public interface IStorageInitializer
{
    /// <summary>Creates missing tables and queues; existing ones and their data are left alone.</summary>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>A task that completes when everything exists.</returns>
    Task EnsureCreatedAsync(CancellationToken cancellationToken);
}
