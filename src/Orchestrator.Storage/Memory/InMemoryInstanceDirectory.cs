using System.Collections.Concurrent;
using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tables;

namespace Orchestrator.Storage.Memory;

/// <summary><see cref="IInstanceDirectory"/> in memory. Thread-safe.</summary>
public sealed class InMemoryInstanceDirectory : IInstanceDirectory
{
    private readonly ConcurrentDictionary<string, InstanceLocation> _locations = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task AddAsync(InstanceLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        _locations[location.InstanceId] = location;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<InstanceLocation?> FindAsync(string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult(_locations.TryGetValue(instanceId, out var location) ? location : null);

    /// <inheritdoc />
    /// <remarks>In the Table store's order (encoded id); the continuation token is the last key returned.</remarks>
    public Task<InstanceDirectoryPage> QueryAsync(InstanceDirectoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, InstanceDirectoryQuery.MaxPageSize);
        var matching = _locations.Values
            .Where(l => string.IsNullOrEmpty(query.InstanceIdPrefix) || l.InstanceId.StartsWith(query.InstanceIdPrefix, StringComparison.Ordinal))
            .Where(l => query.CreatedFrom is not { } from || l.CreatedTime >= from)
            .Where(l => query.CreatedTo is not { } to || l.CreatedTime <= to)
            .Select(l => (Key: KeyEncoding.Encode(l.InstanceId), Location: l))
            .Where(e => query.ContinuationToken is null || string.CompareOrdinal(e.Key, query.ContinuationToken) > 0)
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Take(query.PageSize + 1)
            .ToList();
        var page = matching.Take(query.PageSize).ToList();
        var next = matching.Count > query.PageSize ? page[^1].Key : null;
        return Task.FromResult(new InstanceDirectoryPage([.. page.Select(e => e.Location)], next));
    }

    /// <inheritdoc />
    public Task DeleteAsync(string instanceId, CancellationToken cancellationToken)
    {
        _locations.TryRemove(instanceId, out _);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<InstanceLocation>> ListByVersionAsync(string journeyId, int version, CancellationToken cancellationToken) =>
        Task.FromResult(InstanceOrder.Sort(_locations.Values.Where(l => l.JourneyId == journeyId && l.Version == version)));
}
