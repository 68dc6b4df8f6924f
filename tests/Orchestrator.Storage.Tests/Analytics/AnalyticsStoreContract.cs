using Orchestrator.Application.Analytics;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Analytics;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Analytics;

/// <summary>What every <see cref="IAnalyticsStore"/> must do; run against each implementation.</summary>
public abstract class AnalyticsStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);

    protected abstract IAnalyticsStore Store { get; }

    [Fact]
    public async Task FoldAsync_TwoRecords_AddsThemToHourDayAndTotal()
    {
        var journey = Samples.NewId("journey");

        var added = await Store.FoldAsync(journey, [Fold("c/1", At, started: 1), Fold("c/2", At.AddMinutes(10), started: 2)], None);

        Assert.Equal(2, added);
        Assert.Equal(3, await CountAsync(journey, AnalyticsGrain.Hour));
        Assert.Equal(3, await CountAsync(journey, AnalyticsGrain.Day));
        Assert.Equal(3, await CountAsync(journey, AnalyticsGrain.Total));
    }

    [Fact]
    public async Task FoldAsync_SameRecordAgain_CountsItOnce()
    {
        var journey = Samples.NewId("journey");
        await Store.FoldAsync(journey, [Fold("c/1", At, started: 1)], None);

        var again = await Store.FoldAsync(journey, [Fold("c/1", At, started: 1), Fold("c/2", At, started: 1), Fold("c/2", At, started: 1)], None);

        Assert.Equal(1, again);
        Assert.Equal(2, await CountAsync(journey, AnalyticsGrain.Total));
    }

    [Fact]
    public async Task FoldAsync_ConcurrentFoldsOfOverlappingRecords_CountEachOnce()
    {
        var journey = Samples.NewId("journey");
        var folds = Enumerable.Range(0, 40).Select(i => Fold($"c/{i}", At.AddMinutes(i), started: 1)).ToArray();

        await Task.WhenAll(
            Store.FoldAsync(journey, folds[..30], None),
            Store.FoldAsync(journey, folds[10..], None),
            Store.FoldAsync(journey, folds[5..35], None));

        Assert.Equal(40, await CountAsync(journey, AnalyticsGrain.Total));
        Assert.Equal(40, await CountAsync(journey, AnalyticsGrain.Day));
    }

    [Fact]
    public async Task FoldAsync_MoreRecordsThanOneTransactionHolds_AddsEveryOne()
    {
        var journey = Samples.NewId("journey");
        var folds = Enumerable.Range(0, 150).Select(i => Fold($"c/{i}", At.AddHours(i % 30), started: 1)).ToArray();

        var added = await Store.FoldAsync(journey, folds, None);

        Assert.Equal(150, added);
        Assert.Equal(150, await CountAsync(journey, AnalyticsGrain.Hour, At.AddHours(-1), At.AddDays(3)));
    }

    [Fact]
    public async Task ReadAsync_HourRange_ReturnsOnlyBucketsStartingInIt()
    {
        var journey = Samples.NewId("journey");
        await Store.FoldAsync(journey, [Fold("c/1", At, started: 1), Fold("c/2", At.AddHours(2), started: 10), Fold("c/3", At.AddHours(5), started: 100)], None);

        var hours = await Store.ReadAsync(journey, AnalyticsGrain.Hour, At.AddHours(1), At.AddHours(4), None);

        var bucket = Assert.Single(hours);
        Assert.Equal((AnalyticsGrain.Hour, new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), 10L), (bucket.Grain, bucket.Start, bucket.Counters["started"]));
    }

    [Fact]
    public async Task ReadAsync_TwoVersions_KeepsThemApart()
    {
        var journey = Samples.NewId("journey");
        await Store.FoldAsync(journey, [Fold("c/1", At, started: 1, version: 1), Fold("c/1", At, started: 5, version: 2)], None);

        var totals = await Store.ReadAsync(journey, AnalyticsGrain.Total, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, None);

        Assert.Equal([(1, 1L), (2, 5L)], totals.Select(b => (b.Version, b.Counters["started"])).Order());
    }

    [Fact]
    public async Task PruneAsync_OldHoursAndMarks_DropsThemAndKeepsDaysAndTotals()
    {
        var journey = Samples.NewId("journey");
        await Store.FoldAsync(journey, [Fold("c/1", At, started: 1), Fold("c/2", At.AddDays(3), started: 1)], None);

        await Store.PruneAsync(journey, At.AddDays(1), At.AddDays(-10), At.AddDays(1), None);

        Assert.Equal(1, await CountAsync(journey, AnalyticsGrain.Hour));
        Assert.Equal(2, await CountAsync(journey, AnalyticsGrain.Day));
        Assert.Equal(1, await Store.FoldAsync(journey, [Fold("c/1", At, started: 1)], None));
    }

    private static AnalyticsFold Fold(string record, DateTimeOffset at, long started, int version = 1) =>
        new(record, at, version, new AnalyticsCounters([KeyValuePair.Create("started", started)]));

    private async Task<long> CountAsync(string journey, AnalyticsGrain grain, DateTimeOffset? earliest = null, DateTimeOffset? before = null) =>
        (await Store.ReadAsync(journey, grain, earliest ?? DateTimeOffset.MinValue, before ?? DateTimeOffset.MaxValue, None)).Sum(b => b.Counters["started"]);
}
