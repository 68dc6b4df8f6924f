using System.Runtime.InteropServices;

namespace Orchestrator.Journeys.Analytics;

/// <summary>
/// Named counts for one journey version, added together as they are folded: the unit of every analytics delta and
/// bucket. The names are in <c>docs/analytics.md</c> (for example <c>step:wait-pay:entered</c>,
/// <c>ended:success</c>). Adding is commutative and associative, so buckets merge in any order.
/// </summary>
public sealed class AnalyticsCounters
{
    // A hash map, not a sorted one: counters are added on every commit and every fold, and a sorted map allocates a
    // node per name; the few readers that want name order sort what they read.
    private readonly Dictionary<string, long> _counts;

    /// <summary>Creates empty counters.</summary>
    public AnalyticsCounters() => _counts = new(StringComparer.Ordinal);

    /// <summary>Creates counters holding the given counts.</summary>
    /// <param name="counts">The counts.</param>
    public AnalyticsCounters(IEnumerable<KeyValuePair<string, long>> counts)
        : this()
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var (name, value) in counts)
        {
            Add(name, value);
        }
    }

    /// <summary>The counts by name, in the order first counted; zero counts are left out.</summary>
    public IReadOnlyDictionary<string, long> Counts => _counts;

    /// <summary>Whether nothing was counted.</summary>
    public bool IsEmpty => _counts.Count == 0;

    /// <summary>A count; zero when never counted.</summary>
    /// <param name="name">The counter.</param>
    /// <returns>The count.</returns>
    public long this[string name] => _counts.TryGetValue(name, out var value) ? value : 0;

    /// <summary>Adds to a counter.</summary>
    /// <param name="name">The counter.</param>
    /// <param name="value">The amount.</param>
    public void Add(string name, long value = 1)
    {
        if (value == 0)
        {
            return;
        }

        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, name, out _);
        count += value;
        if (count == 0)
        {
            _counts.Remove(name);
        }
    }

    /// <summary>Adds every count of other counters.</summary>
    /// <param name="other">The counters to add.</param>
    public void Add(AnalyticsCounters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (name, value) in other._counts)
        {
            Add(name, value);
        }
    }

    /// <summary>The counters whose names start with a prefix, with the prefix taken off.</summary>
    /// <param name="prefix">The prefix.</param>
    /// <returns>Remaining name and count, in name order.</returns>
    public IEnumerable<KeyValuePair<string, long>> WithPrefix(string prefix) =>
        _counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => KeyValuePair.Create(c.Key[prefix.Length..], c.Value));

    /// <summary>A histogram's buckets (<c>{name}:{bucket}</c>).</summary>
    /// <param name="name">The histogram.</param>
    /// <returns>Count per bucket.</returns>
    public long[] Histogram(string name)
    {
        var counts = new long[TimeHistogram.Buckets];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = this[$"{name}:{i}"];
        }

        return counts;
    }
}
