namespace Orchestrator.Application.Ports;

/// <summary>Touchpoints kept aside with their reasons: never dropped, listed and replayed by ops.</summary>
public interface IPoisonStore
{
    /// <summary>Keeps a touchpoint aside (idempotent by id).</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when durable.</returns>
    Task AddAsync(PoisonEntry entry, CancellationToken cancellationToken);

    /// <summary>Lists entries, newest first.</summary>
    /// <param name="max">Most entries.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<PoisonEntry>> ListAsync(int max, CancellationToken cancellationToken);

    /// <summary>Reads one entry.</summary>
    /// <param name="id">The entry id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or null.</returns>
    Task<PoisonEntry?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Removes an entry (after a successful replay).</summary>
    /// <param name="id">The entry id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when removed.</returns>
    Task DeleteAsync(string id, CancellationToken cancellationToken);
}
