using System.Collections.Concurrent;
using Orchestrator.Application.Ports;

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
}
