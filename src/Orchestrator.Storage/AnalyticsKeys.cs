using System.Globalization;
using Orchestrator.Application.Analytics;
using Orchestrator.Storage.Tables;

namespace Orchestrator.Storage;

/// <summary>
/// The rows of one journey's partition in the <c>analytics</c> table, shared by both stores so their keys and
/// limits cannot drift: <c>t|{version:D6}</c> (total), <c>d|{version:D6}|{yyyyMMdd}</c> (day),
/// <c>h|{version:D6}|{yyyyMMddHH}</c> (hour) and <c>f|{record}|{version}</c> (fold marks).
/// </summary>
internal static class AnalyticsKeys
{
    /// <summary>Most operations one fold transaction takes.</summary>
    public const int MaxOperations = CommitRules.MaxOperations;

    public const string HourPrefix = "h|";
    public const string DayPrefix = "d|";
    public const string TotalPrefix = "t|";
    public const string MarkPrefix = "f|";

    /// <summary>The three buckets a fold adds to.</summary>
    public static IEnumerable<(string Key, AnalyticsGrain Grain, DateTimeOffset Start)> Buckets(AnalyticsFold fold) =>
    [
        (Bucket(AnalyticsGrain.Hour, fold.Version, AnalyticsBucket.HourOf(fold.At)), AnalyticsGrain.Hour, AnalyticsBucket.HourOf(fold.At)),
        (Bucket(AnalyticsGrain.Day, fold.Version, AnalyticsBucket.DayOf(fold.At)), AnalyticsGrain.Day, AnalyticsBucket.DayOf(fold.At)),
        (Bucket(AnalyticsGrain.Total, fold.Version, DateTimeOffset.MinValue), AnalyticsGrain.Total, DateTimeOffset.MinValue),
    ];

    public static string Bucket(AnalyticsGrain grain, int version, DateTimeOffset start) => grain switch
    {
        AnalyticsGrain.Hour => string.Create(CultureInfo.InvariantCulture, $"{HourPrefix}{version:D6}|{start.UtcDateTime:yyyyMMddHH}"),
        AnalyticsGrain.Day => string.Create(CultureInfo.InvariantCulture, $"{DayPrefix}{version:D6}|{start.UtcDateTime:yyyyMMdd}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{TotalPrefix}{version:D6}"),
    };

    public static string Prefix(AnalyticsGrain grain) => grain switch
    {
        AnalyticsGrain.Hour => HourPrefix,
        AnalyticsGrain.Day => DayPrefix,
        _ => TotalPrefix,
    };

    public static string Mark(AnalyticsFold fold) =>
        string.Create(CultureInfo.InvariantCulture, $"{MarkPrefix}{KeyEncoding.Encode(fold.RecordId)}|{fold.Version}");

    /// <summary>Folds split into groups that each fit one transaction (a mark per fold plus its distinct buckets); duplicates dropped.</summary>
    public static IEnumerable<List<AnalyticsFold>> Chunks(IReadOnlyList<AnalyticsFold> folds)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var chunk = new List<AnalyticsFold>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fold in folds.Where(f => seen.Add(Mark(f))))
        {
            var added = Buckets(fold).Select(b => b.Key).Where(k => !keys.Contains(k)).ToArray();
            if (chunk.Count + 1 + keys.Count + added.Length > MaxOperations)
            {
                yield return chunk;
                chunk = [];
                keys.Clear();
                added = [.. Buckets(fold).Select(b => b.Key)];
            }

            chunk.Add(fold);
            keys.UnionWith(added);
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
