namespace Orchestrator.Journeys.Analytics;

/// <summary>
/// Fixed log-scale buckets for durations: bucket 0 holds under 1 s, bucket <c>b</c> ≥ 1 holds [2^(b-1), 2^b) seconds,
/// and the last bucket everything from 2^(<see cref="Buckets"/>-2) s (about 17 years) on. Percentiles are read as
/// the upper bound of the bucket that holds them, so they are exact to a factor of two and cost nothing to merge.
/// </summary>
public static class TimeHistogram
{
    /// <summary>Number of buckets.</summary>
    public const int Buckets = 31;

    /// <summary>The bucket of a duration.</summary>
    /// <param name="duration">The duration; negative counts as zero.</param>
    /// <returns>The bucket index.</returns>
    public static int BucketOf(TimeSpan duration)
    {
        var seconds = duration.TotalSeconds;
        if (seconds < 1)
        {
            return 0;
        }

        var bucket = (int)Math.Floor(Math.Log2(seconds)) + 1;
        return Math.Min(bucket, Buckets - 1);
    }

    /// <summary>The upper bound of a bucket.</summary>
    /// <param name="bucket">The bucket index.</param>
    /// <returns>Its upper bound.</returns>
    public static TimeSpan UpperBound(int bucket) => TimeSpan.FromSeconds(Math.Pow(2, bucket));

    /// <summary>A percentile of a histogram.</summary>
    /// <param name="counts">Count per bucket.</param>
    /// <param name="quantile">Between 0 and 1.</param>
    /// <returns>The upper bound of the bucket holding the percentile; null for an empty histogram.</returns>
    public static TimeSpan? Percentile(IReadOnlyList<long> counts, double quantile)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long cumulative = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            cumulative += counts[i];
            if (cumulative >= rank)
            {
                return UpperBound(i);
            }
        }

        return UpperBound(counts.Count - 1);
    }
}
