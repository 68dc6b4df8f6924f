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
        return entity is null
            ? null
            : new InstanceLocation(
                instanceId,
                entity.GetString("CustomerId"),
                entity.GetString("JourneyId"),
                entity.GetInt32("Version") ?? 0,
                entity.GetDateTimeOffset("CreatedTime") ?? DateTimeOffset.MinValue);
    }
}
