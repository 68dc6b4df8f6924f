using System.Text;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Memory;

/// <summary><see cref="IDefinitionStore"/> in memory: versions numbered from 1 per journey, the latest active. Thread-safe.</summary>
public sealed class InMemoryDefinitionStore : IDefinitionStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<StoredDefinition>> _versions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<StoredDefinition> DeployAsync(string journeyId, string json, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var size = Encoding.UTF8.GetByteCount(json);
        if (size > StorageJson.MaxBytes)
        {
            throw new InvalidOperationException(
                $"Journey '{journeyId}' is {size} bytes of JSON; a stored document holds at most {StorageJson.MaxBytes} bytes.");
        }

        lock (_lock)
        {
            if (!_versions.TryGetValue(journeyId, out var versions))
            {
                versions = [];
                _versions.Add(journeyId, versions);
            }

            var deployed = new StoredDefinition(journeyId, versions.Count + 1, json, at.ToUniversalTime());
            versions.Add(deployed);
            return Task.FromResult(deployed);
        }
    }

    /// <inheritdoc />
    public Task<StoredDefinition?> GetAsync(string journeyId, int version, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_versions.TryGetValue(journeyId, out var versions) && version >= 1 && version <= versions.Count
                ? versions[version - 1]
                : null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDefinition>> ListActiveAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<StoredDefinition>>(
                [.. _versions.Values.Select(v => v[^1]).OrderBy(d => d.JourneyId, StringComparer.Ordinal)]);
        }
    }
}
