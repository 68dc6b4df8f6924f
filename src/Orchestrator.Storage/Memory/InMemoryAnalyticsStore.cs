using Orchestrator.Application.Analytics;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Analytics;

namespace Orchestrator.Storage.Memory;

/// <summary><see cref="IAnalyticsStore"/> in memory, with the Table store's semantics: each fold taken once. Thread-safe.</summary>
public sealed class InMemoryAnalyticsStore : IAnalyticsStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, AnalyticsBucket>> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _marks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<int> FoldAsync(string journeyId, IReadOnlyList<AnalyticsFold> folds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folds);
        var added = 0;
        lock (_lock)
        {
            var buckets = Partition(_buckets, journeyId);
            var marks = Partition(_marks, journeyId);
            foreach (var fold in folds)
            {
                if (!marks.TryAdd(AnalyticsKeys.Mark(fold), fold.MarkedAt ?? fold.At))
                {
                    continue;
                }

                added++;
                foreach (var (key, grain, start) in AnalyticsKeys.Buckets(fold))
                {
                    // Added in place: the buckets are this store's own (readers get copies), and copying every bucket
                    // on every fold made the in-memory host spend more on analytics than on touchpoints.
                    if (buckets.TryGetValue(key, out var existing))
                    {
                        existing.Counters.Add(fold.Counters);
                    }
                    else
                    {
                        var counters = new AnalyticsCounters();
                        counters.Add(fold.Counters);
                        buckets[key] = new AnalyticsBucket(fold.Version, grain, start, counters);
                    }
                }
            }
        }

        return Task.FromResult(added);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AnalyticsBucket>> ReadAsync(string journeyId, AnalyticsGrain grain, DateTimeOffset earliest, DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<AnalyticsBucket> result = _buckets.TryGetValue(journeyId, out var buckets)
                ? [.. buckets.Values.Where(b => b.Grain == grain && (grain == AnalyticsGrain.Total || (b.Start >= earliest && b.Start < before)))
                    .Select(b => b with { Counters = new AnalyticsCounters(b.Counters.Counts) })]
                : [];
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc />
    public Task PruneAsync(string journeyId, DateTimeOffset hoursBefore, DateTimeOffset daysBefore, DateTimeOffset marksBefore, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_buckets.TryGetValue(journeyId, out var buckets))
            {
                foreach (var (key, bucket) in buckets.ToArray())
                {
                    if ((bucket.Grain == AnalyticsGrain.Hour && bucket.Start < hoursBefore) || (bucket.Grain == AnalyticsGrain.Day && bucket.Start < daysBefore))
                    {
                        buckets.Remove(key);
                    }
                }
            }

            if (_marks.TryGetValue(journeyId, out var marks))
            {
                foreach (var (key, at) in marks.ToArray())
                {
                    if (at < marksBefore)
                    {
                        marks.Remove(key);
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    private static Dictionary<string, T> Partition<T>(Dictionary<string, Dictionary<string, T>> partitions, string journeyId)
    {
        if (!partitions.TryGetValue(journeyId, out var partition))
        {
            partition = new Dictionary<string, T>(StringComparer.Ordinal);
            partitions.Add(journeyId, partition);
        }

        return partition;
    }
}
