using Orchestrator.Application.Analytics;
using Orchestrator.Application.Customers;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Customers;

// The analytics outbox: a record written with the commit it counts, scanned, removed by a later commit or on its own.
public abstract partial class CustomerStoreContract
{
    [Fact]
    public async Task CommitAsync_WithAnalyticsRecord_RecordIsReadBackByTheScan()
    {
        var customerId = Samples.NewId("customer");
        var record = Record(customerId, 1);

        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1") with { Analytics = record }, None);

        var found = Assert.Single(await ReadAnalyticsAsync(customerId));
        Assert.Equal((record.CustomerId, record.Sequence, record.At), (found.CustomerId, found.Sequence, found.At));
        var part = Assert.Single(found.Parts);
        Assert.Equal(("bill-payment", 2), (part.JourneyId, part.Version));
        Assert.Equal(record.Parts[0].Counts, part.Counts);
    }

    [Fact]
    public async Task CommitAsync_RejectedAsDuplicate_WritesNoAnalyticsRecord()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1") with { Analytics = Record(customerId, 1) }, None);
        var snapshot = await Store.LoadAsync(customerId, null, None);
        var redelivered = new CustomerCommit(snapshot.Customer with { Sequence = 2 }, [], Samples.Entry(customerId, 2), "tp-1", []) { Analytics = Record(customerId, 2) };

        await Assert.ThrowsAsync<Orchestrator.Application.Ports.ConcurrencyConflictException>(() => Store.CommitAsync(redelivered, None));

        Assert.Equal([1L], (await ReadAnalyticsAsync(customerId)).Select(r => r.Sequence));
    }

    [Fact]
    public async Task CommitAsync_WithAnalyticsFolded_RemovesThoseRecordsInTheSameWrite()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1") with { Analytics = Record(customerId, 1) }, None);
        var snapshot = await Store.LoadAsync(customerId, null, None);

        await Store.CommitAsync(
            new CustomerCommit(snapshot.Customer with { Sequence = 2 }, [], Samples.Entry(customerId, 2), null, []) { Analytics = Record(customerId, 2), AnalyticsFolded = [1, 77] },
            None);

        Assert.Equal([2L], (await ReadAnalyticsAsync(customerId)).Select(r => r.Sequence));
    }

    [Fact]
    public async Task RemoveAnalyticsAsync_KnownAndUnknownSequences_RemovesKnownAndIgnoresUnknown()
    {
        var customerId = Samples.NewId("customer");
        await Store.CommitAsync(Samples.FirstCommit(customerId, "instance-1", "tp-1") with { Analytics = Record(customerId, 1) }, None);

        await Store.RemoveAnalyticsAsync(customerId, [1, 5], None);
        await Store.RemoveAnalyticsAsync(customerId, [1], None);

        Assert.Empty(await ReadAnalyticsAsync(customerId));
    }

    private static AnalyticsRecord Record(string customerId, long sequence) => new(
        customerId,
        sequence,
        new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.Zero),
        [new AnalyticsPart("bill-payment", 2, new Dictionary<string, long> { ["started"] = 1, ["step:notify:entered"] = 1 })]);

    private async Task<List<AnalyticsRecord>> ReadAnalyticsAsync(string customerId)
    {
        var records = new List<AnalyticsRecord>();
        await foreach (var record in Store.ReadAllAnalyticsAsync(None))
        {
            if (record.CustomerId == customerId)
            {
                records.Add(record);
            }
        }

        return records;
    }
}
