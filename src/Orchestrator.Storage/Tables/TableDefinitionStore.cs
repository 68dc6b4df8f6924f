using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Tables;

/// <summary>
/// <see cref="IDefinitionStore"/> on the <c>definitions</c> table: a partition per journey, immutable rows
/// <c>v{version:D6}</c> and one <c>active</c> row naming the active version.
/// </summary>
/// <param name="definitions">The <c>definitions</c> table.</param>
internal sealed class TableDefinitionStore(TableGateway definitions) : IDefinitionStore
{
    /// <summary>Deploys racing for the same version number; each round one of them wins.</summary>
    private const int MaxAttempts = 8;

    private const string ActiveKey = "active";
    private const string Json = nameof(Json);

    /// <inheritdoc />
    public async Task<StoredDefinition> DeployAsync(string journeyId, string json, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var partitionKey = KeyEncoding.Encode(journeyId);
        var utf8 = Encoding.UTF8.GetBytes(json);
        if (utf8.Length > StorageJson.MaxBytes)
        {
            throw new InvalidOperationException(
                $"Journey '{journeyId}' is {utf8.Length} bytes of JSON; a stored document holds at most {StorageJson.MaxBytes} bytes.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var deployed = new StoredDefinition(journeyId, await LatestVersionAsync(partitionKey, cancellationToken) + 1, json, at);
            var version = new TableEntity(partitionKey, VersionKey(deployed.Version))
            {
                ["JourneyId"] = journeyId,
                ["Version"] = deployed.Version,
                ["DeployedAt"] = at,
            };
            JsonChunks.Write(version, Json, utf8);
            var active = new TableEntity(partitionKey, ActiveKey) { ["JourneyId"] = journeyId, ["Version"] = deployed.Version };
            try
            {
                // The insert of the version row is the guard: a concurrent deploy that took the number fails it.
                await definitions.SubmitAsync(
                    [new(TableTransactionActionType.Add, version), new(TableTransactionActionType.UpsertReplace, active)],
                    cancellationToken);
                return deployed;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Another deploy took this version number; read the new latest and try the next one.
            }
        }
    }

    /// <inheritdoc />
    public async Task<StoredDefinition?> GetAsync(string journeyId, int version, CancellationToken cancellationToken)
    {
        var entity = await definitions.GetAsync(KeyEncoding.Encode(journeyId), VersionKey(version), cancellationToken);
        return entity is null ? null : ToDefinition(entity);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredDefinition>> ListActiveAsync(CancellationToken cancellationToken)
    {
        var active = new List<TableEntity>();
        await foreach (var entity in definitions.QueryAsync(TableClient.CreateQueryFilter($"RowKey eq {ActiveKey}"), null, cancellationToken))
        {
            active.Add(entity);
        }

        var versions = await Task.WhenAll(active.Select(
            entity => definitions.GetAsync(entity.PartitionKey, VersionKey(entity.GetInt32("Version") ?? 0), cancellationToken)));
        return [.. versions.OfType<TableEntity>().Select(ToDefinition).OrderBy(d => d.JourneyId, StringComparer.Ordinal)];
    }

    private async Task<int> LatestVersionAsync(string partitionKey, CancellationToken cancellationToken)
    {
        // Version rows sort by number; only their keys are read, not the documents.
        var latest = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {"v"} and RowKey lt {"w"}");
        await foreach (var entity in definitions.QueryAsync(filter, null, cancellationToken, select: ["Version"]))
        {
            latest = Math.Max(latest, entity.GetInt32("Version") ?? 0);
        }

        return latest;
    }

    private static StoredDefinition ToDefinition(TableEntity entity) => new(
        entity.GetString("JourneyId"),
        entity.GetInt32("Version") ?? 0,
        Encoding.UTF8.GetString(JsonChunks.Read(entity, Json)),
        entity.GetDateTimeOffset("DeployedAt") ?? DateTimeOffset.MinValue);

    private static string VersionKey(int version) => "v" + version.ToString("D6", CultureInfo.InvariantCulture);
}
