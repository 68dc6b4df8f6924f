using System.Collections.Concurrent;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Memory;

/// <summary><see cref="IPoisonStore"/> in memory. Thread-safe.</summary>
public sealed class InMemoryPoisonStore : IPoisonStore
{
    private readonly ConcurrentDictionary<string, PoisonEntry> _entries = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task AddAsync(PoisonEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries[entry.Id] = entry;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PoisonEntry>> ListAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return Task.FromResult(PoisonOrder.NewestFirst(_entries.Values, max));
    }

    /// <inheritdoc />
    public Task<PoisonEntry?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_entries.TryGetValue(id, out var entry) ? entry : null);

    /// <inheritdoc />
    public Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        _entries.TryRemove(id, out _);
        return Task.CompletedTask;
    }
}
