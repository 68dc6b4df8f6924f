using Orchestrator.Application.Analytics;
using Orchestrator.Application.Tests.Support;

namespace Orchestrator.Application.Tests.Analytics;

public sealed class AnalyticsAggregatorTests : IDisposable
{
    private static readonly AnalyticsWindow AllTime = new(TestRuntime.T0.AddDays(-1), TestRuntime.T0.AddDays(30));
    private readonly TestRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task FoldQueuedAsync_AfterTouchpoints_FiguresCountEachStartAndEntryOnce()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", "cust-1"));
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", "cust-1"));
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-2", "cust-2"));

        Assert.Equal(2, await _runtime.Analytics.FoldQueuedAsync(CancellationToken.None));

        var report = (await Figures()).Report;
        Assert.Equal(2, report.Totals.Started);
        var notify = Assert.Single(report.Steps, s => s.Step == "notify");
        Assert.Equal(2, notify.Entered);
        Assert.Equal(2, report.Totals.Sent["email"]);
    }

    [Fact]
    public async Task RecoverAsync_RecordsFoldedBefore_CountsThemOnceAndRemovesThemWithTheNextCommit()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", "cust-1"));
        await _runtime.Analytics.FoldQueuedAsync(CancellationToken.None);

        // As after a crash before the folded records left the outboxes, or with a second host scanning them.
        Assert.Equal(1, await _runtime.Analytics.RecoverAsync(CancellationToken.None));
        Assert.Equal(1, await _runtime.Analytics.RecoverAsync(CancellationToken.None));
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-9", "cust-1"));

        Assert.Equal(1, (await Figures()).Report.Totals.Started);
        Assert.Equal(1, await _runtime.Analytics.RecoverAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RecoverAsync_RecordsNeverQueued_FoldsThem()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", "cust-1"));
        var other = new AnalyticsAggregator(_runtime.Customers, _runtime.AnalyticsStore, _runtime.Options.Analytics, Microsoft.Extensions.Logging.Abstractions.NullLogger<AnalyticsAggregator>.Instance);

        await other.RecoverAsync(CancellationToken.None);
        await _runtime.Analytics.FoldQueuedAsync(CancellationToken.None);

        Assert.Equal(1, (await Figures()).Report.Totals.Started);
    }

    [Fact]
    public async Task ApplyTouchpointAsync_AnalyticsDisabled_WritesNoRecord()
    {
        using var runtime = new TestRuntime(new ApplicationOptions { Analytics = new AnalyticsOptions { Enabled = false } });
        await runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await runtime.ApplyAsync(TestEvents.Invoice("tp-1", "cust-1"));

        Assert.Equal(0, await runtime.Analytics.FoldQueuedAsync(CancellationToken.None));
        Assert.Equal(0, await runtime.Analytics.RecoverAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FlushFoldedAsync_IdleCustomer_RemovesFoldedRecords()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", "cust-1"));
        await _runtime.Analytics.FoldQueuedAsync(CancellationToken.None);

        await _runtime.Analytics.FlushFoldedAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(0, await _runtime.Analytics.RecoverAsync(CancellationToken.None));
        Assert.Equal(1, (await Figures()).Report.Totals.Started);
    }

    private async Task<JourneyAnalytics> Figures() =>
        await _runtime.AnalyticsQueries.GetAsync(SampleJourneys.BillPayment, null, AllTime, null, CancellationToken.None)
        ?? throw new Xunit.Sdk.XunitException("bill-payment is not deployed");
}
