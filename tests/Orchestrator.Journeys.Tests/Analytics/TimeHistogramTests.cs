using Orchestrator.Journeys.Analytics;

namespace Orchestrator.Journeys.Tests.Analytics;

public class TimeHistogramTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.999, 0)]
    [InlineData(1, 1)]
    [InlineData(1.999, 1)]
    [InlineData(2, 2)]
    [InlineData(86_400, 17)]
    [InlineData(1e10, TimeHistogram.Buckets - 1)]
    public void BucketOf_Seconds_IsTheLog2Bucket(double seconds, int bucket) =>
        Assert.Equal(bucket, TimeHistogram.BucketOf(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Percentile_SkewedCounts_ReturnsUpperBoundOfTheBucketHoldingTheRank()
    {
        var counts = new long[TimeHistogram.Buckets];
        counts[2] = 50;
        counts[5] = 40;
        counts[10] = 10;

        Assert.Equal(TimeSpan.FromSeconds(4), TimeHistogram.Percentile(counts, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(32), TimeHistogram.Percentile(counts, 0.9));
        Assert.Equal(TimeSpan.FromSeconds(1024), TimeHistogram.Percentile(counts, 0.99));
        Assert.Null(TimeHistogram.Percentile(new long[TimeHistogram.Buckets], 0.5));
    }
}
