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
/// one query and one entity-group transaction.
/// </summary>
/// <param name="customers">The <c>customers</c> table.</param>
internal sealed class TableCustomerStore(TableGateway customers) : ICustomerStore
{
    private static readonly string InstanceEnd = KeyEncoding.PrefixEnd(CustomerRows.InstancePrefix);
    private static readonly string TimelineEnd = KeyEncoding.PrefixEnd(CustomerRows.TimelinePrefix);
    private static readonly string OutboxEnd = KeyEncoding.PrefixEnd(CustomerRows.OutboxPrefix);

    /// <inheritdoc />
    public async Task<CustomerSnapshot> LoadAsync(string customerId, string? touchpointId, CancellationToken cancellationToken)
    {
        var partitionKey = KeyEncoding.Encode(customerId);
        var seenKey = touchpointId is null ? null : CustomerRows.SeenKey(touchpointId);
        var customer = CustomerRecord.New(customerId);
        var instances = new List<InstanceRecord>();
        var seen = false;
        await foreach (var entity in customers.QueryAsync(LoadFilter(partitionKey, seenKey), maxPerPage: null, cancellationToken))
        {
            if (entity.RowKey == CustomerRows.CustomerKey)
            {
                customer = CustomerRows.ToCustomer(customerId, entity);
            }
            else if (entity.RowKey == seenKey)
            {
                seen = true;
            }
            else
            {
                instances.Add(CustomerRows.ToInstance(entity));
            }
        }

        return new CustomerSnapshot(customer, InstanceOrder.Sort(instances), seen);
    }

    /// <inheritdoc />
    public Task CommitAsync(CustomerCommit commit, CancellationToken cancellationToken)
    {
        CommitRules.Validate(commit);
        var partitionKey = KeyEncoding.Encode(commit.Customer.CustomerId);
        var actions = new List<TableTransactionAction>(CommitRules.OperationCount(commit))
        {
            Write(CustomerRows.ToEntity(partitionKey, commit.Customer), commit.Customer.ETag),
        };
        actions.AddRange(commit.Instances.Select(instance => Write(CustomerRows.ToEntity(partitionKey, instance), instance.ETag)));
        actions.Add(Insert(CustomerRows.ToEntity(partitionKey, commit.Entry)));
        if (commit.TouchpointId is { } touchpointId)
        {
            // An insert, so a redelivered touchpoint that raced past the load's dedupe check fails here.
            actions.Add(Insert(new TableEntity(partitionKey, CustomerRows.SeenKey(touchpointId))));
        }

        actions.AddRange(commit.Outbox.Select(action => Insert(CustomerRows.ToEntity(partitionKey, action))));
        CommitRules.ValidateSize(commit, actions.Sum(a => JsonChunks.Bytes((TableEntity)a.Entity)));
        return customers.SubmitAsync(actions, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<InstanceRecord?> GetInstanceAsync(string customerId, string instanceId, CancellationToken cancellationToken)
    {
        var entity = await customers.GetAsync(KeyEncoding.Encode(customerId), CustomerRows.InstanceKey(instanceId), cancellationToken);
        return entity is null ? null : CustomerRows.ToInstance(entity);
    }

    /// <inheritdoc />
    public Task DeleteInstanceAsync(string customerId, string instanceId, string eTag, CancellationToken cancellationToken) =>
        customers.DeleteIfMatchAsync(KeyEncoding.Encode(customerId), CustomerRows.InstanceKey(instanceId), eTag, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<InstanceRecord>> ListInstancesAsync(string customerId, CancellationToken cancellationToken)
    {
        var instances = new List<InstanceRecord>();
        await foreach (var entity in QueryPartitionRangeAsync(customerId, CustomerRows.InstancePrefix, InstanceEnd, cancellationToken))
        {
            instances.Add(CustomerRows.ToInstance(entity));
        }

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
    public async IAsyncEnumerable<ActionMessage> ReadAllOutboxesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {CustomerRows.OutboxPrefix} and RowKey lt {OutboxEnd}");
        await foreach (var entity in customers.QueryAsync(filter, maxPerPage: null, cancellationToken))
        {
            yield return CustomerRows.ToAction(entity);
        }
    }

    // One round trip: the customer row, the dedupe marker if asked for, and only the active instance rows.
    private static string LoadFilter(string partitionKey, string? seenKey)
    {
        var rows = seenKey is null
            ? TableClient.CreateQueryFilter($"RowKey eq {CustomerRows.CustomerKey}")
            : TableClient.CreateQueryFilter($"RowKey eq {CustomerRows.CustomerKey} or RowKey eq {seenKey}");
        var active = TableClient.CreateQueryFilter(
            $"RowKey ge {CustomerRows.InstancePrefix} and RowKey lt {InstanceEnd} and Active eq {true}");
        return $"{TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")} and ({rows} or ({active}))";
    }

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
