using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Tables;

/// <summary>
/// <see cref="IDefinitionStore"/> on the <c>definitions</c> table: a partition per journey, immutable rows
/// <c>v{version:D6}</c> and one <c>active</c> row naming the latest version. A version row carries a <c>Status</c>
/// only once an operator drained or stopped it; otherwise its status follows from the <c>active</c> row.
/// </summary>
/// <param name="definitions">The <c>definitions</c> table.</param>
internal sealed class TableDefinitionStore(TableGateway definitions) : IDefinitionStore
{
    /// <summary>Deploys racing for the same version number; each round one of them wins.</summary>
    private const int MaxAttempts = 8;

    private const string ActiveKey = "active";
    private const string Json = nameof(Json);
    private const string Status = nameof(Status);

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
        var partitionKey = KeyEncoding.Encode(journeyId);
        var entity = definitions.GetAsync(partitionKey, VersionKey(version), cancellationToken);
        var active = definitions.GetAsync(partitionKey, ActiveKey, cancellationToken);
        await Task.WhenAll(entity, active);
        return (await entity) is { } found ? ToDefinition(found, (await active)?.GetInt32("Version")) : null;
    }

    /// <inheritdoc />
    public async Task<StoredDefinition?> SetStatusAsync(string journeyId, int version, VersionStatus expected, VersionStatus status, CancellationToken cancellationToken)
    {
        VersionStatusRules.RequireMarkable(status);
        var partitionKey = KeyEncoding.Encode(journeyId);
        var entity = await definitions.GetAsync(partitionKey, VersionKey(version), cancellationToken);
        if (entity is null)
        {
            return null;
        }

        if (VersionStatusRules.Mark(expected) != MarkOf(entity))
        {
            throw new ConcurrencyConflictException(
                $"Journey '{journeyId}' v{version} is marked {MarkOf(entity)?.ToString() ?? "by no operator"}, not {expected}. Reload and retry.");
        }

        // A merge with the row's ETag: only the mark changes, and a concurrent mark makes this one fail.
        var mark = new TableEntity(partitionKey, entity.RowKey) { [Status] = status.ToString(), ETag = entity.ETag };
        await definitions.SubmitAsync([new(TableTransactionActionType.UpdateMerge, mark, entity.ETag)], cancellationToken);
        return ToDefinition(entity, activeVersion: null) with { Status = status };
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
        return [.. versions.OfType<TableEntity>().Select(v => ToDefinition(v, v.GetInt32("Version"))).OrderBy(d => d.JourneyId, StringComparer.Ordinal)];
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

    private static StoredDefinition ToDefinition(TableEntity entity, int? activeVersion)
    {
        var version = entity.GetInt32("Version") ?? 0;
        return new StoredDefinition(
            entity.GetString("JourneyId"),
            version,
            Encoding.UTF8.GetString(JsonChunks.Read(entity, Json)),
            entity.GetDateTimeOffset("DeployedAt") ?? DateTimeOffset.MinValue,
            MarkOf(entity) ?? (version == activeVersion ? VersionStatus.Active : VersionStatus.Superseded));
    }

    private static VersionStatus? MarkOf(TableEntity entity) =>
        Enum.TryParse<VersionStatus>(entity.GetString(Status), out var status) ? VersionStatusRules.Mark(status) : null;

    private static string VersionKey(int version) => "v" + version.ToString("D6", CultureInfo.InvariantCulture);
}
