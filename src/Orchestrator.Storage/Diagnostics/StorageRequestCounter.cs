using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Orchestrator.Storage.Diagnostics;

/// <summary>
/// Counts every request the Table and Queue clients send, retries included, by <see cref="StorageRequestKind"/>:
/// the round trips the storage design promises (see docs/storage.md), measured rather than assumed.
/// </summary>
/// <remarks>
/// Always on and process-wide, as a <see cref="Meter"/> is: an interlocked increment per request, which is
/// nothing beside the request itself. Published as the counter <c>orchestrator.storage.requests</c> (tags
/// <c>operation</c> and <c>resource</c>) on the meter <c>Orchestrator.Storage</c>, and readable at any time
/// through <see cref="Snapshot"/>, which needs no listener.
/// </remarks>
public static class StorageRequestCounter
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Orchestrator.Storage";

    /// <summary>The counter's name.</summary>
    public const string CounterName = "orchestrator.storage.requests";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(CounterName, "{request}", "Requests sent to Table and Queue storage");
    private static readonly ConcurrentDictionary<StorageRequestKind, StrongBox<long>> Counts = new();

    /// <summary>Requests sent since the process started, by kind.</summary>
    /// <returns>A copy; later requests do not change it.</returns>
    public static IReadOnlyDictionary<StorageRequestKind, long> Snapshot() =>
        Counts.ToDictionary(pair => pair.Key, pair => Interlocked.Read(ref pair.Value.Value));

    /// <summary>Counts one request.</summary>
    /// <param name="kind">What it was.</param>
    internal static void Add(StorageRequestKind kind)
    {
        Interlocked.Increment(ref Counts.GetOrAdd(kind, static _ => new StrongBox<long>()).Value);
        if (Requests.Enabled)
        {
            Requests.Add(1, new KeyValuePair<string, object?>("operation", kind.Operation), new KeyValuePair<string, object?>("resource", kind.Resource));
        }
    }
}
