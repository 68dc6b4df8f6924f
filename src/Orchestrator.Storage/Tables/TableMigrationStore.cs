using Azure;
using Azure.Data.Tables;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Tables;

/// <summary>
/// <see cref="IMigrationStore"/> on the <c>migrations</c> table: one row per migration in its journey's partition, the
/// migration as one JSON document beside the <c>State</c> that the host's runner queries.
/// </summary>
/// <param name="migrations">The <c>migrations</c> table.</param>
internal sealed class TableMigrationStore(TableGateway migrations) : IMigrationStore
{
    private const string DocumentProperty = "Document";
    private const string StateProperty = "State";

    /// <inheritdoc />
    public async Task<MigrationRecord> CreateAsync(MigrationRecord migration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        await migrations.SubmitAsync([new TableTransactionAction(TableTransactionActionType.Add, ToEntity(migration))], cancellationToken);
        return await ReadBackAsync(migration, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<MigrationRecord> UpdateAsync(MigrationRecord migration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var eTag = migration.ETag ?? throw new ArgumentException("Update a migration as read, with its ETag.", nameof(migration));
        await migrations.SubmitAsync([new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(migration), new ETag(eTag))], cancellationToken);
        return await ReadBackAsync(migration, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<MigrationRecord?> GetAsync(string journeyId, string id, CancellationToken cancellationToken)
    {
        var entity = await migrations.GetAsync(KeyEncoding.Encode(journeyId), KeyEncoding.Encode(id), cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    /// <inheritdoc />
    /// <remarks>A filter on a property, so every partition is scanned: migrations are few, and this runs when a host starts or is told of one.</remarks>
    public async Task<IReadOnlyList<MigrationRecord>> ListRunningAsync(CancellationToken cancellationToken)
    {
        var running = new List<MigrationRecord>();
        var filter = TableClient.CreateQueryFilter($"State eq {nameof(MigrationState.Running)}");
        await foreach (var entity in migrations.QueryAsync(filter, null, cancellationToken))
        {
            running.Add(FromEntity(entity));
        }

        return [.. running.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    // The write answers no ETag through the gateway's transaction; one read gives it back.
    private async Task<MigrationRecord> ReadBackAsync(MigrationRecord migration, CancellationToken cancellationToken) =>
        await GetAsync(migration.JourneyId, migration.Id, cancellationToken)
        ?? throw new ConcurrencyConflictException($"Migration {migration.JourneyId}/{migration.Id} was removed while it was written.");

    private static TableEntity ToEntity(MigrationRecord migration) => new(KeyEncoding.Encode(migration.JourneyId), KeyEncoding.Encode(migration.Id))
    {
        [StateProperty] = migration.State.ToString(),
        [DocumentProperty] = StorageJson.Serialize(migration with { ETag = null }, TableStorageJsonContext.Default.MigrationRecord, $"Migration {migration.Id}"),
    };

    private static MigrationRecord FromEntity(TableEntity entity) =>
        System.Text.Json.JsonSerializer.Deserialize(entity.GetBinary(DocumentProperty), TableStorageJsonContext.Default.MigrationRecord)! with
        {
            ETag = entity.ETag.ToString(),
        };
}
