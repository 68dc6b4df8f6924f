using System.Text;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Memory;

/// <summary><see cref="IDefinitionStore"/> in memory: versions numbered from 1 per journey, the latest active unless drained or stopped. Thread-safe.</summary>
public sealed class InMemoryDefinitionStore : IDefinitionStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<StoredDefinition>> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), VersionStatus> _marked = [];

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
            return Task.FromResult(Find(journeyId, version));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDefinition>> ListActiveAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<StoredDefinition>>(
                [.. _versions.Values.Select(v => WithStatus(v[^1], v.Count)).OrderBy(d => d.JourneyId, StringComparer.Ordinal)]);
        }
    }

    /// <inheritdoc />
    public Task<StoredDefinition?> SetStatusAsync(string journeyId, int version, VersionStatus expected, VersionStatus status, CancellationToken cancellationToken)
    {
        VersionStatusRules.RequireMarkable(status);
        lock (_lock)
        {
            if (Find(journeyId, version) is not { } current)
            {
                return Task.FromResult<StoredDefinition?>(null);
            }

            if (!VersionStatusRules.SameMark(current.Status, expected))
            {
                throw new ConcurrencyConflictException(
                    $"Journey '{journeyId}' v{version} is {current.Status}, not {expected}. Reload and retry.");
            }

            _marked[(journeyId, version)] = status;
            return Task.FromResult<StoredDefinition?>(current with { Status = status });
        }
    }

    // Callers hold the lock.
    private StoredDefinition? Find(string journeyId, int version) =>
        _versions.TryGetValue(journeyId, out var versions) && version >= 1 && version <= versions.Count
            ? WithStatus(versions[version - 1], versions.Count)
            : null;

    private StoredDefinition WithStatus(StoredDefinition stored, int latest) => stored with
    {
        Status = _marked.TryGetValue((stored.JourneyId, stored.Version), out var marked) ? marked
            : stored.Version == latest ? VersionStatus.Active
            : VersionStatus.Superseded,
    };
}
