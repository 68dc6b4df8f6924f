using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Tables;

/// <summary>
/// <see cref="ICustomerStore"/> on the <c>customers</c> table: one partition per customer, so an input costs
/// one point read and one entity-group transaction. An active instance lives in the customer row; its own row is
/// written when it starts, moves to another version and ends, not on every advance.
/// </summary>
/// <param name="customers">The <c>customers</c> table.</param>
internal sealed class TableCustomerStore(TableGateway customers) : ICustomerStore
{
    private static readonly string InstanceEnd = KeyEncoding.PrefixEnd(CustomerRows.InstancePrefix);
    private static readonly string TimelineEnd = KeyEncoding.PrefixEnd(CustomerRows.TimelinePrefix);
    private static readonly string OutboxEnd = KeyEncoding.PrefixEnd(CustomerRows.OutboxPrefix);
    private static readonly string AnalyticsEnd = KeyEncoding.PrefixEnd(CustomerRows.AnalyticsPrefix);

    /// <inheritdoc />
    /// <remarks>
    /// One point read: the customer row carries the active instances and the latest touchpoint ids. A point read
    /// costs the same however many rows the partition (timeline, markers, finished instances) has grown to.
    /// </remarks>
    public async Task<CustomerSnapshot> LoadAsync(string customerId, string? touchpointId, CancellationToken cancellationToken)
    {
        var entity = await customers.GetAsync(KeyEncoding.Encode(customerId), CustomerRows.CustomerKey, cancellationToken);
        if (entity is null)
        {
            return new CustomerSnapshot(CustomerRecord.New(customerId), [], false);
        }

        var customer = CustomerRows.ToCustomer(customerId, entity);
        var seen = touchpointId is not null && customer.RecentTouchpoints.Contains(touchpointId, StringComparer.Ordinal);
        return new CustomerSnapshot(customer, InstanceOrder.Sort(customer.ActiveInstances), seen);
    }

    /// <inheritdoc />
    public async Task CommitAsync(CustomerCommit commit, CancellationToken cancellationToken)
    {
        CommitRules.Validate(commit);
        var partitionKey = KeyEncoding.Encode(commit.Customer.CustomerId);
        var actions = Transaction(commit);
        CommitRules.ValidateSize(commit, actions.Sum(a => JsonChunks.Bytes((TableEntity)a.Entity)));
        try
        {
            await customers.SubmitAsync(actions, cancellationToken);
        }
        catch (ConcurrencyConflictException conflict) when (commit.TouchpointId is not null || commit.EarlierTouchpointIds.Count > 0)
        {
            // Read only after a lost race, so a duplicate is told from a concurrent change at no cost otherwise.
            var recorded = new List<string>();
            foreach (var id in commit.TouchpointIds)
            {
                if (await customers.GetAsync(partitionKey, CustomerRows.SeenKey(id), cancellationToken) is not null)
                {
                    recorded.Add(id);
                }
            }

            if (recorded.Count == 0)
            {
                throw;
            }

            throw new ConcurrencyConflictException($"Touchpoint '{string.Join("', '", recorded)}' of customer '{commit.Customer.CustomerId}' was already applied.", conflict)
            {
                TouchpointAlreadyRecorded = true,
                RecordedTouchpointIds = recorded,
            };
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// One point read of the instance row, which is enough for an instance that ended. An active instance's row holds
    /// the state it started with (an advance rewrites only the customer row), so its latest state costs a second point
    /// read, of the customer row; it comes back with the ETag <c>rev:N</c>, as from a load.
    /// </remarks>
    public async Task<InstanceRecord?> GetInstanceAsync(string customerId, string instanceId, CancellationToken cancellationToken)
    {
        var partitionKey = KeyEncoding.Encode(customerId);
        var row = await customers.GetAsync(partitionKey, CustomerRows.InstanceKey(instanceId), cancellationToken);
        if (row is null || !CustomerRows.IsActiveInstance(row))
        {
            return row is null ? null : CustomerRows.ToInstance(row);
        }

        var customer = await customers.GetAsync(partitionKey, CustomerRows.CustomerKey, cancellationToken);
        if (customer is not null && Embedded(customerId, customer, instanceId) is { } embedded)
        {
            return embedded;
        }

        // It left the active set (or was purged) between the two reads, and that same transaction rewrote its row.
        row = await customers.GetAsync(partitionKey, CustomerRows.InstanceKey(instanceId), cancellationToken);
        return row is null ? null : CustomerRows.ToInstance(row);
    }

    /// <inheritdoc />
    /// <remarks>
    /// An ETag read with an active instance names its revision in the customer row, which then loses the instance in
    /// the same transaction; any other ETag is the instance row's own.
    /// </remarks>
    public async Task DeleteInstanceAsync(string customerId, string instanceId, string eTag, CancellationToken cancellationToken)
    {
        var partitionKey = KeyEncoding.Encode(customerId);
        if (!EmbeddedInstance.IsRevision(eTag))
        {
            await customers.DeleteIfMatchAsync(partitionKey, CustomerRows.InstanceKey(instanceId), eTag, cancellationToken);
            return;
        }

        var row = await customers.GetAsync(partitionKey, CustomerRows.CustomerKey, cancellationToken);
        var customer = row is null ? null : CustomerRows.ToCustomer(customerId, row);
        if (customer?.ActiveInstances.FirstOrDefault(i => i.InstanceId == instanceId) is not { } embedded
            || !string.Equals(embedded.ETag, eTag, StringComparison.Ordinal))
        {
            throw new ConcurrencyConflictException(
                $"Concurrent change for customer '{customerId}': instance '{instanceId}' changed or is gone since it was read. Reload and retry.");
        }

        var rest = customer.ActiveInstances.Where(i => i.InstanceId != instanceId).Select(i => EmbeddedInstance.Of(i, EmbeddedInstances.RevisionOf(i.ETag))).ToList();
        await customers.SubmitAsync(
            [
                Write(CustomerRows.ToEntity(partitionKey, customer, rest, [.. customer.RecentTouchpoints]), customer.ETag),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, CustomerRows.InstanceKey(instanceId)), ETag.All),
            ],
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One range query from the <c>customer</c> row to the end of the <c>instance|</c> rows (no other prefix sorts
    /// between them): the customer row's embedded copies replace the rows of active instances, which hold the state
    /// those started with.
    /// </remarks>
    public async Task<IReadOnlyList<InstanceRecord>> ListInstancesAsync(string customerId, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        List<InstanceRecord> active = [];
        await foreach (var entity in QueryPartitionRangeAsync(customerId, CustomerRows.CustomerKey, InstanceEnd, cancellationToken))
        {
            if (entity.RowKey == CustomerRows.CustomerKey)
            {
                active = CustomerRows.ToActiveInstances(customerId, entity);
            }
            else if (entity.RowKey.StartsWith(CustomerRows.InstancePrefix, StringComparison.Ordinal))
            {
                rows.Add(entity);
            }
        }

        var instances = rows
            .Select(row => CustomerRows.IsActiveInstance(row)
                ? active.Find(a => string.Equals(CustomerRows.InstanceKey(a.InstanceId), row.RowKey, StringComparison.Ordinal)) ?? CustomerRows.ToInstance(row)
                : CustomerRows.ToInstance(row))
            .ToList();
        return InstanceOrder.Sort(instances);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TimelineEntry>> ReadTimelineAsync(string customerId, CancellationToken cancellationToken)
    {
        // Row keys hold the sequence zero-padded, so key order is timeline order.
        var entries = new List<TimelineEntry>();
        await foreach (var entity in QueryPartitionRangeAsync(customerId, CustomerRows.TimelinePrefix, TimelineEnd, cancellationToken))
        {
            entries.Add(CustomerRows.ToTimelineEntry(entity));
        }

        return entries;
    }

    /// <inheritdoc />
    public Task RemoveFromOutboxAsync(string customerId, IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKeys);
        return customers.DeleteAllAsync(KeyEncoding.Encode(customerId), idempotencyKeys.Select(CustomerRows.OutboxKey), cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ActionMessage> ReadOutboxAsync(string customerId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in QueryPartitionRangeAsync(customerId, CustomerRows.OutboxPrefix, OutboxEnd, cancellationToken))
        {
            yield return CustomerRows.ToAction(entity);
        }
    }

    public async IAsyncEnumerable<ActionMessage> ReadAllOutboxesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {CustomerRows.OutboxPrefix} and RowKey lt {OutboxEnd}");
        await foreach (var entity in customers.QueryAsync(filter, maxPerPage: null, cancellationToken))
        {
            yield return CustomerRows.ToAction(entity);
        }
    }

    /// <inheritdoc />
    public Task RemoveAnalyticsAsync(string customerId, IReadOnlyCollection<long> sequences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        return customers.DeleteAllAsync(KeyEncoding.Encode(customerId), sequences.Select(CustomerRows.AnalyticsKey), cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Orchestrator.Application.Analytics.AnalyticsRecord> ReadAllAnalyticsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {CustomerRows.AnalyticsPrefix} and RowKey lt {AnalyticsEnd}");
        await foreach (var entity in customers.QueryAsync(filter, maxPerPage: null, cancellationToken))
        {
            yield return CustomerRows.ToAnalytics(entity);
        }
    }

    /// <summary>The entity-group transaction of a commit, in the order docs/storage.md gives.</summary>
    /// <param name="commit">The commit, already validated.</param>
    /// <returns>Its operations.</returns>
    /// <exception cref="ConcurrencyConflictException">An embedded instance's revision is not the one read.</exception>
    internal static List<TableTransactionAction> Transaction(CustomerCommit commit)
    {
        var partitionKey = KeyEncoding.Encode(commit.Customer.CustomerId);
        var actions = new List<TableTransactionAction>(CommitRules.OperationCount(commit));
        foreach (var touchpointId in commit.TouchpointIds)
        {
            // First, and an insert: a redelivery that raced past the load's recent-touchpoint check fails here.
            actions.Add(Insert(new TableEntity(partitionKey, CustomerRows.SeenKey(touchpointId))));
        }

        var customerRow = CustomerRows.ToEntity(partitionKey, commit.Customer, EmbeddedInstances.After(commit), RecentAfter(commit));
        actions.Add(Write(customerRow, commit.Customer.ETag));
        actions.AddRange(commit.Instances
            .Where(instance => EmbeddedInstances.WritesOwnRow(commit, instance))
            .Select(instance => WriteInstance(CustomerRows.ToEntity(partitionKey, instance), instance.ETag)));
        actions.AddRange(commit.Entries.Select(entry => Insert(CustomerRows.ToEntity(partitionKey, entry))));
        actions.AddRange(commit.Outbox.Select(action => Insert(CustomerRows.ToEntity(partitionKey, action))));
        actions.AddRange(commit.Acknowledged.Distinct(StringComparer.Ordinal)
            .Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, CustomerRows.OutboxKey(key)), ETag.All)));
        if (commit.Analytics is { } analytics)
        {
            actions.Add(Insert(CustomerRows.ToEntity(partitionKey, analytics)));
        }

        actions.AddRange(commit.AnalyticsFolded.Distinct()
            .Select(sequence => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, CustomerRows.AnalyticsKey(sequence)), ETag.All)));
        return actions;
    }

    private static List<string> RecentAfter(CustomerCommit commit)
    {
        var recent = commit.Customer.RecentTouchpoints.ToList();
        foreach (var id in commit.TouchpointIds)
        {
            if (!recent.Contains(id, StringComparer.Ordinal))
            {
                recent.Add(id);
            }
        }

        return recent.Count > CustomerRecord.MaxRecentTouchpoints ? recent[^CustomerRecord.MaxRecentTouchpoints..] : recent;
    }

    private static InstanceRecord? Embedded(string customerId, TableEntity customer, string instanceId) =>
        CustomerRows.ToActiveInstances(customerId, customer).Find(i => string.Equals(i.InstanceId, instanceId, StringComparison.Ordinal));

    // Embedded instances are guarded by the customer row's ETag, so their own rows are simply replaced.
    private static TableTransactionAction WriteInstance(TableEntity entity, string? etag) => EmbeddedInstance.IsRevision(etag)
        ? new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity)
        : Write(entity, etag);

    private IAsyncEnumerable<TableEntity> QueryPartitionRangeAsync(string customerId, string prefix, string end, CancellationToken cancellationToken) =>
        customers.QueryAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {KeyEncoding.Encode(customerId)} and RowKey ge {prefix} and RowKey lt {end}"),
            maxPerPage: null,
            cancellationToken);

    private static TableTransactionAction Write(TableEntity entity, string? etag) => etag is null
        ? Insert(entity)
        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(etag));

    private static TableTransactionAction Insert(TableEntity entity) => new(TableTransactionActionType.Add, entity);
}
