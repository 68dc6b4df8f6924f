using Azure.Data.Tables;
using Orchestrator.Application.Analytics;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Serialization;
using Orchestrator.Journeys.Analytics;

namespace Orchestrator.Storage.Tables;

/// <summary>
/// <see cref="IAnalyticsStore"/> on the <c>analytics</c> table: one partition per journey, holding its buckets and
/// the marks of the records folded into them, so a fold is one entity-group transaction: the marks inserted (an
/// insert of an existing mark fails the whole transaction, so nothing is counted twice) and the buckets replaced
/// under their ETags.
/// </summary>
/// <param name="analytics">The <c>analytics</c> table.</param>
internal sealed class TableAnalyticsStore(TableGateway analytics) : IAnalyticsStore
{
    private const string Json = nameof(Json);
    private const int MaxAttempts = 50;

    /// <inheritdoc />
    public async Task<int> FoldAsync(string journeyId, IReadOnlyList<AnalyticsFold> folds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folds);
        var partitionKey = KeyEncoding.Encode(journeyId);
        var added = 0;
        foreach (var chunk in AnalyticsKeys.Chunks(folds))
        {
            added += await FoldChunkAsync(partitionKey, chunk, cancellationToken);
        }

        return added;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AnalyticsBucket>> ReadAsync(string journeyId, AnalyticsGrain grain, DateTimeOffset earliest, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var prefix = AnalyticsKeys.Prefix(grain);
        var filter = grain == AnalyticsGrain.Total
            ? TableClient.CreateQueryFilter($"PartitionKey eq {KeyEncoding.Encode(journeyId)} and RowKey ge {prefix} and RowKey lt {KeyEncoding.PrefixEnd(prefix)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {KeyEncoding.Encode(journeyId)} and RowKey ge {prefix} and RowKey lt {KeyEncoding.PrefixEnd(prefix)} and Start ge {earliest} and Start lt {before}");
        var buckets = new List<AnalyticsBucket>();
        await foreach (var entity in analytics.QueryAsync(filter, maxPerPage: null, cancellationToken))
        {
            buckets.Add(new AnalyticsBucket(entity.GetInt32("Version") ?? 0, grain, entity.GetDateTimeOffset("Start") ?? DateTimeOffset.MinValue, Counters(entity)));
        }

        return buckets;
    }

    /// <inheritdoc />
    public async Task PruneAsync(string journeyId, DateTimeOffset hoursBefore, DateTimeOffset daysBefore, DateTimeOffset marksBefore, CancellationToken cancellationToken)
    {
        var partitionKey = KeyEncoding.Encode(journeyId);
        foreach (var (prefix, property, before) in new[] { (AnalyticsKeys.HourPrefix, "Start", hoursBefore), (AnalyticsKeys.DayPrefix, "Start", daysBefore), (AnalyticsKeys.MarkPrefix, "At", marksBefore) })
        {
            var keys = new List<string>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {KeyEncoding.PrefixEnd(prefix)}")
                + $" and {property} lt {TableClient.CreateQueryFilter($"{before}")}";
            await foreach (var entity in analytics.QueryAsync(filter, maxPerPage: null, cancellationToken, select: ["RowKey"]))
            {
                keys.Add(entity.RowKey);
            }

            await analytics.DeleteAllAsync(partitionKey, keys, cancellationToken);
        }
    }

    private async Task<int> FoldChunkAsync(string partitionKey, List<AnalyticsFold> folds, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var targets = folds.SelectMany(f => AnalyticsKeys.Buckets(f).Select(b => (Fold: f, b.Key, b.Grain, b.Start))).ToArray();
            var keys = targets.Select(t => t.Key).Distinct(StringComparer.Ordinal).ToArray();
            var rows = await Task.WhenAll(keys.Select(k => analytics.GetAsync(partitionKey, k, cancellationToken)));
            var merged = new Dictionary<string, (AnalyticsCounters Counters, TableEntity? Row, AnalyticsFold Fold, AnalyticsGrain Grain, DateTimeOffset Start)>(StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                var target = targets.First(t => t.Key == keys[i]);
                merged[keys[i]] = (rows[i] is { } row ? Counters(row) : new AnalyticsCounters(), rows[i], target.Fold, target.Grain, target.Start);
            }

            foreach (var target in targets)
            {
                merged[target.Key].Counters.Add(target.Fold.Counters);
            }

            var actions = new List<TableTransactionAction>(folds.Count + merged.Count);
            actions.AddRange(folds.Select(f => new TableTransactionAction(
                TableTransactionActionType.Add,
                new TableEntity(partitionKey, AnalyticsKeys.Mark(f)) { ["At"] = f.MarkedAt ?? f.At })));
            foreach (var (key, bucket) in merged)
            {
                var entity = new TableEntity(partitionKey, key) { ["Version"] = bucket.Fold.Version, ["Grain"] = bucket.Grain.ToString(), ["Start"] = bucket.Start };
                JsonChunks.Write(entity, Json, StorageJson.Serialize(
                    new Dictionary<string, long>(bucket.Counters.Counts, StringComparer.Ordinal), ApplicationJsonContext.Default.DictionaryStringInt64, $"Analytics bucket {key}"));
                actions.Add(bucket.Row is { } row
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, row.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, entity));
            }

            try
            {
                await analytics.SubmitAsync(actions, cancellationToken);
                return folds.Count;
            }
            catch (ConcurrencyConflictException conflict) when (attempt < MaxAttempts)
            {
                // Marks come first. A failed bucket is another fold's win: read the buckets again. A failed mark is a
                // record folded before (here or elsewhere, often with others, after a crash): drop every one marked.
                if (conflict.FailedWrite is { } failed && failed >= folds.Count)
                {
                    continue;
                }

                var marks = await Task.WhenAll(folds.Select(f => analytics.GetAsync(partitionKey, AnalyticsKeys.Mark(f), cancellationToken)));
                folds = [.. folds.Where((_, i) => marks[i] is null)];
                if (folds.Count == 0)
                {
                    return 0;
                }
            }
        }
    }

    private static AnalyticsCounters Counters(TableEntity entity) =>
        new(StorageJson.Deserialize(JsonChunks.Read(entity, Json), ApplicationJsonContext.Default.DictionaryStringInt64, "Analytics bucket"));
}
