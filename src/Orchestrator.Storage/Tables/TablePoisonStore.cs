using Azure.Data.Tables;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Serialization;

namespace Orchestrator.Storage.Tables;

/// <summary>
/// <see cref="IPoisonStore"/> on the <c>poison</c> table: one partition, one row per entry holding the entry's
/// JSON. Few entries are expected, so listing reads them all and sorts in memory.
/// </summary>
/// <param name="poison">The <c>poison</c> table.</param>
internal sealed class TablePoisonStore(TableGateway poison) : IPoisonStore
{
    private const string Partition = "poison";
    private const string Json = nameof(Json);

    /// <inheritdoc />
    public Task AddAsync(PoisonEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entity = new TableEntity(Partition, KeyEncoding.Encode(entry.Id))
        {
            ["At"] = entry.At,
            ["Source"] = entry.Source,
            ["Attempts"] = entry.Attempts,
        };
        JsonChunks.Write(entity, Json, StorageJson.Serialize(entry, ApplicationJsonContext.Default.PoisonEntry, $"Poison entry '{entry.Id}'"));
        return poison.UpsertAsync(entity, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PoisonEntry>> ListAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var entries = new List<PoisonEntry>();
        await foreach (var entity in poison.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), null, cancellationToken))
        {
            entries.Add(ToEntry(entity));
        }

        return PoisonOrder.NewestFirst(entries, max);
    }

    /// <inheritdoc />
    public async Task<PoisonEntry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await poison.GetAsync(Partition, KeyEncoding.Encode(id), cancellationToken);
        return entity is null ? null : ToEntry(entity);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        poison.DeleteAsync(Partition, KeyEncoding.Encode(id), cancellationToken);

    private static PoisonEntry ToEntry(TableEntity entity) =>
        StorageJson.Deserialize(JsonChunks.Read(entity, Json), ApplicationJsonContext.Default.PoisonEntry, $"Poison row {entity.RowKey}");
}
