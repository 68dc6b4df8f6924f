using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Tables;

/// <summary>
/// <see cref="IDispatchLog"/> on the <c>dispatched</c> table: PartitionKey = the page, RowKey = the encoded
/// idempotency key (unique across customers), <c>CustomerId</c> beside it. A page's marks are upserted in
/// transactions of up to 100 and deleted the same way.
/// </summary>
/// <param name="log">The <c>dispatched</c> table.</param>
internal sealed class TableDispatchLog(TableGateway log) : IDispatchLog
{
    private static readonly string EveryRow = TableClient.CreateQueryFilter($"PartitionKey ge {""}");

    /// <inheritdoc />
    public async Task MarkAsync(IReadOnlyCollection<DispatchMark> marks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marks);
        foreach (var page in marks.GroupBy(m => m.Page, StringComparer.Ordinal))
        {
            var partitionKey = KeyEncoding.Encode(page.Key);
            var rows = page.DistinctBy(m => m.IdempotencyKey, StringComparer.Ordinal);
            foreach (var batch in rows.Chunk(CommitRules.MaxOperations))
            {
                var actions = batch.Select(mark => new TableTransactionAction(
                    TableTransactionActionType.UpsertReplace,
                    new TableEntity(partitionKey, KeyEncoding.Encode(mark.IdempotencyKey)) 
                    {
                        ["Page"] = mark.Page,
                        ["CustomerId"] = mark.CustomerId,
                        ["Key"] = mark.IdempotencyKey,
                    })).ToList();
                await log.SubmitAsync(actions, cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public async Task UnmarkAsync(IReadOnlyCollection<DispatchMark> marks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marks);
        foreach (var page in marks.GroupBy(m => m.Page, StringComparer.Ordinal))
        {
            await log.DeleteAllAsync(KeyEncoding.Encode(page.Key), page.Select(m => KeyEncoding.Encode(m.IdempotencyKey)), cancellationToken);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DispatchMark> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The page and key come back from the properties the service keeps as written, not by decoding the keys.
        await foreach (var entity in log.QueryAsync(EveryRow, maxPerPage: 1000, cancellationToken, select: ["Page", "CustomerId", "Key"]))
        {
            yield return new DispatchMark(entity.GetString("Page"), entity.GetString("CustomerId"), entity.GetString("Key"));
        }
    }
}
