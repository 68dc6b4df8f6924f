using Azure;
using Azure.Data.Tables;
using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tables.Rest;

namespace Orchestrator.Storage.Tables;

/// <summary>
/// The only code that talks to a table. Writes carry an ETag or are inserts, and a lost race (409, 412,
/// or a conditional update of a row that is gone) leaves as <see cref="ConcurrencyConflictException"/>,
/// as in Orleans' <c>AzureTableDataManager</c>.
/// </summary>
/// <param name="table">The table.</param>
/// <param name="lean">
/// The lean REST transport for the point read and the entity-group transaction, the two calls of every touchpoint;
/// null to send them through the SDK like the rest.
/// </param>
internal sealed class TableGateway(TableClient table, LeanTableClient? lean = null)
{
    private const string EntityNotFound = "ResourceNotFound";

    /// <summary>The table name.</summary>
    public string Name => table.Name;

    /// <summary>Creates the table unless it exists.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the table exists.</returns>
    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Reads one entity.</summary>
    /// <param name="partitionKey">Encoded partition key.</param>
    /// <param name="rowKey">Encoded row key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entity, or null.</returns>
    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        if (lean is not null)
        {
            return await lean.GetAsync(partitionKey, rowKey, cancellationToken);
        }

        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Runs a query, following continuation tokens.</summary>
    /// <param name="filter">OData filter, built with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>.</param>
    /// <param name="maxPerPage">Page size hint.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <param name="select">Properties to return; all when null.</param>
    /// <returns>Matching entities in key order.</returns>
    public IAsyncEnumerable<TableEntity> QueryAsync(string filter, int? maxPerPage, CancellationToken cancellationToken, IEnumerable<string>? select = null) =>
        table.QueryAsync<TableEntity>(filter, maxPerPage, select, cancellationToken);

    /// <summary>Reads one page of a query.</summary>
    /// <param name="filter">OData filter, built with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>.</param>
    /// <param name="pageSize">Most entities in the page.</param>
    /// <param name="continuationToken">The token of the page to read; null for the first.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The page's entities in key order, and the token of the next page (null when none).</returns>
    public async Task<(IReadOnlyList<TableEntity> Entities, string? ContinuationToken)> QueryPageAsync(
        string filter, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize))
        {
            return (page.Values, page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Deletes an entity only if it still has the ETag read.</summary>
    /// <param name="partitionKey">Encoded partition key.</param>
    /// <param name="rowKey">Encoded row key.</param>
    /// <param name="eTag">The ETag read.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>A task that completes when the entity is gone.</returns>
    /// <exception cref="ConcurrencyConflictException">The entity changed (412) or is gone (404) since it was read.</exception>
    public async Task DeleteIfMatchAsync(string partitionKey, string rowKey, string eTag, CancellationToken cancellationToken)
    {
        // A one-action transaction, not DeleteEntityAsync: the SDK answers a delete of a missing row as a success,
        // and a row gone since it was read is a lost race here.
        var delete = new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), new ETag(eTag));
        try
        {
            await TransactAsync([delete], cancellationToken);
        }
        catch (RequestFailedException e) when (IsConflict(e) || e.Status == 404)
        {
            throw Conflict(e, $"{partitionKey}/{rowKey}");
        }
    }

    /// <summary>Inserts or replaces an entity: for writes whose last writer rightly wins.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when durable.</returns>
    public async Task UpsertAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (IsConflict(e))
        {
            throw Conflict(e, $"{entity.PartitionKey}/{entity.RowKey}");
        }
    }

    /// <summary>Deletes an entity whatever its ETag; a missing entity is fine.</summary>
    /// <param name="partitionKey">Encoded partition key.</param>
    /// <param name="rowKey">Encoded row key.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>A task that completes when the entity is gone.</returns>
    public async Task DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode == EntityNotFound)
        {
            // Already gone: the caller wanted it gone.
        }
    }

    /// <summary>Submits one entity-group transaction: all of it lands or none of it.</summary>
    /// <param name="actions">At most 100 actions on one partition.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when durable.</returns>
    /// <exception cref="ConcurrencyConflictException">An insert found its row, or an ETag no longer matched.</exception>
    /// <remarks>
    /// An unconditional delete (<see cref="ETag.All"/>) of a row already gone is dropped and the rest resubmitted:
    /// the caller wanted the row gone, and a lost race on anything else is still a conflict.
    /// </remarks>
    public async Task SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var pending = actions as List<TableTransactionAction> ?? [.. actions];
        while (true)
        {
            try
            {
                await TransactAsync(pending, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (MissingUnconditionalDelete(e, pending) is { } index)
            {
                pending = [.. pending.Where((_, i) => i != index)];
            }
            catch (RequestFailedException e) when (IsConflict(e) || IsConditionalUpdateOfMissingRow(e, pending))
            {
                throw Conflict(e, Describe(e, pending));
            }
        }
    }

    /// <summary>Deletes rows of one partition in transactions of up to 100; rows already gone are skipped.</summary>
    /// <param name="partitionKey">Encoded partition key.</param>
    /// <param name="rowKeys">Encoded row keys.</param>
    /// <param name="cancellationToken">Cancels the deletes.</param>
    /// <returns>A task that completes when every row is gone.</returns>
    public async Task DeleteAllAsync(string partitionKey, IEnumerable<string> rowKeys, CancellationToken cancellationToken)
    {
        foreach (var batch in rowKeys.Distinct(StringComparer.Ordinal).Chunk(CommitRules.MaxOperations))
        {
            var pending = batch
                .Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ETag.All))
                .ToList();
            while (pending.Count > 0)
            {
                try
                {
                    await TransactAsync(pending, cancellationToken);
                    break;
                }
                catch (TableTransactionFailedException e) when (e.Status == 404 && e.ErrorCode == EntityNotFound)
                {
                    // One missing row fails the whole transaction; drop it and resubmit the rest.
                    if (e.FailedTransactionActionIndex is not { } failed || failed >= pending.Count)
                    {
                        await DeleteOneByOneAsync(pending, cancellationToken);
                        break;
                    }

                    pending.RemoveAt(failed);
                }
            }
        }
    }

    private async Task DeleteOneByOneAsync(IEnumerable<TableTransactionAction> deletes, CancellationToken cancellationToken)
    {
        foreach (var delete in deletes)
        {
            await DeleteAsync(delete.Entity.PartitionKey, delete.Entity.RowKey, cancellationToken);
        }
    }

    // The lean transport writes the action types the stores use; anything else goes through the SDK.
    private Task TransactAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken) =>
        lean is not null && EntityGroupBody.CanWrite(actions)
            ? lean.SubmitAsync(actions, cancellationToken)
            : table.SubmitTransactionAsync(actions, cancellationToken);

    private static bool IsConflict(RequestFailedException e) => e.Status is 409 or 412;

    private static int? MissingUnconditionalDelete(TableTransactionFailedException e, List<TableTransactionAction> actions) =>
        e.Status == 404 && e.ErrorCode == EntityNotFound
        && e.FailedTransactionActionIndex is { } index && index < actions.Count
        && actions[index].ActionType == TableTransactionActionType.Delete && actions[index].ETag == ETag.All
            ? index
            : null;

    // An UpdateReplace with an ETag on a row deleted since it was read is the same lost race as a 412.
    private static bool IsConditionalUpdateOfMissingRow(RequestFailedException e, List<TableTransactionAction> actions) =>
        e.Status == 404 && e.ErrorCode == EntityNotFound
        && (e is TableTransactionFailedException { FailedTransactionActionIndex: { } index } && index < actions.Count
            ? actions[index].ActionType is TableTransactionActionType.UpdateReplace or TableTransactionActionType.UpdateMerge
            : actions.Any(a => a.ActionType is TableTransactionActionType.UpdateReplace or TableTransactionActionType.UpdateMerge));

    private static string Describe(RequestFailedException e, List<TableTransactionAction> actions) =>
        e is TableTransactionFailedException { FailedTransactionActionIndex: { } index } && index < actions.Count
            ? $"{actions[index].ActionType} {actions[index].Entity.PartitionKey}/{actions[index].Entity.RowKey}"
            : $"a transaction of {actions.Count} writes on partition {actions[0].Entity.PartitionKey}";

    private ConcurrencyConflictException Conflict(RequestFailedException e, string what) =>
        new($"Concurrent change in table '{table.Name}': {what} ({e.Status} {e.ErrorCode}). Reload and retry.", e)
        {
            FailedWrite = (e as TableTransactionFailedException)?.FailedTransactionActionIndex,
        };
}
