using Azure.Data.Tables;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Tables;

/// <summary><see cref="IInstanceDirectory"/> on the <c>instances</c> table: one row per instance, keyed by its id.</summary>
/// <param name="instances">The <c>instances</c> table.</param>
internal sealed class TableInstanceDirectory(TableGateway instances) : IInstanceDirectory
{
    /// <inheritdoc />
    public Task AddAsync(InstanceLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);

        // An upsert: the same instance id always maps to the same customer, so a repeat is harmless.
        var entity = new TableEntity(KeyEncoding.Encode(location.InstanceId), "")
        {
            ["InstanceId"] = location.InstanceId,
            ["CustomerId"] = location.CustomerId,
            ["JourneyId"] = location.JourneyId,
            ["Version"] = location.Version,
            ["CreatedTime"] = location.CreatedTime,
        };
        return instances.UpsertAsync(entity, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<InstanceLocation?> FindAsync(string instanceId, CancellationToken cancellationToken)
    {
        var entity = await instances.GetAsync(KeyEncoding.Encode(instanceId), "", cancellationToken);
        return entity is null ? null : ToLocation(entity);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One query page: a PartitionKey range for the prefix (encoding is per character, so an encoded prefix is a
    /// prefix of every encoded id it starts) and a <c>CreatedTime</c> filter. The continuation token is the
    /// service's own (next partition and row key), passed through.
    /// </remarks>
    public async Task<InstanceDirectoryPage> QueryAsync(InstanceDirectoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, InstanceDirectoryQuery.MaxPageSize);
        var clauses = new List<string> { TableClient.CreateQueryFilter($"RowKey eq {""}") };
        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            var prefix = KeyEncoding.Encode(query.InstanceIdPrefix);
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {KeyEncoding.PrefixEnd(prefix)}"));
        }

        if (query.CreatedFrom is { } from)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedTime ge {from}"));
        }

        if (query.CreatedTo is { } to)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedTime le {to}"));
        }

        var (entities, next) = await instances.QueryPageAsync(string.Join(" and ", clauses), query.PageSize, query.ContinuationToken, cancellationToken);
        return new InstanceDirectoryPage([.. entities.Select(ToLocation)], next);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string instanceId, CancellationToken cancellationToken) =>
        instances.DeleteAsync(KeyEncoding.Encode(instanceId), "", cancellationToken);

    private static InstanceLocation ToLocation(TableEntity entity) => new(
        entity.GetString("InstanceId"),
        entity.GetString("CustomerId"),
        entity.GetString("JourneyId"),
        entity.GetInt32("Version") ?? 0,
        entity.GetDateTimeOffset("CreatedTime") ?? DateTimeOffset.MinValue);

    /// <inheritdoc />
    /// <remarks>
    /// A filter on properties, not keys, so the service scans every partition of the table and returns the matches:
    /// the cost grows with all instances ever started, which suits operator actions, not the hot path.
    /// </remarks>
    public async Task<IReadOnlyList<InstanceLocation>> ListByVersionAsync(string journeyId, int version, CancellationToken cancellationToken)
    {
        var found = new List<InstanceLocation>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {""} and JourneyId eq {journeyId} and Version eq {version}");
        await foreach (var entity in instances.QueryAsync(filter, null, cancellationToken))
        {
            found.Add(new InstanceLocation(
                entity.GetString("InstanceId"),
                entity.GetString("CustomerId"),
                entity.GetString("JourneyId"),
                entity.GetInt32("Version") ?? 0,
                entity.GetDateTimeOffset("CreatedTime") ?? DateTimeOffset.MinValue));
        }

        return InstanceOrder.Sort(found);
    }
}
