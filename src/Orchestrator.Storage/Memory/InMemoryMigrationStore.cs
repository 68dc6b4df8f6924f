using System.Collections.Concurrent;
using System.Globalization;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Memory;

/// <summary><see cref="IMigrationStore"/> in memory, with the Table store's ETag checks. Thread-safe.</summary>
public sealed class InMemoryMigrationStore : IMigrationStore
{
    private readonly ConcurrentDictionary<(string JourneyId, string Id), MigrationRecord> _migrations = new();
    private long _revision;

    /// <inheritdoc />
    public Task<MigrationRecord> CreateAsync(MigrationRecord migration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var stored = Stamp(migration);
        return _migrations.TryAdd((migration.JourneyId, migration.Id), stored)
            ? Task.FromResult(stored)
            : throw new ConcurrencyConflictException($"Migration {migration.JourneyId}/{migration.Id} exists.");
    }

    /// <inheritdoc />
    public Task<MigrationRecord> UpdateAsync(MigrationRecord migration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var key = (migration.JourneyId, migration.Id);
        if (!_migrations.TryGetValue(key, out var current) || current.ETag != migration.ETag)
        {
            throw new ConcurrencyConflictException($"Migration {migration.JourneyId}/{migration.Id} changed since it was read.");
        }

        var stored = Stamp(migration);
        return _migrations.TryUpdate(key, stored, current)
            ? Task.FromResult(stored)
            : throw new ConcurrencyConflictException($"Migration {migration.JourneyId}/{migration.Id} changed since it was read.");
    }

    /// <inheritdoc />
    public Task<MigrationRecord?> GetAsync(string journeyId, string id, CancellationToken cancellationToken) =>
        Task.FromResult(_migrations.TryGetValue((journeyId, id), out var migration) ? migration : null);

    /// <inheritdoc />
    public Task<IReadOnlyList<MigrationRecord>> ListRunningAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MigrationRecord>>(
            [.. _migrations.Values.Where(m => m.State == MigrationState.Running).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)]);

    private MigrationRecord Stamp(MigrationRecord migration) =>
        migration with { ETag = Interlocked.Increment(ref _revision).ToString(CultureInfo.InvariantCulture) };
}
