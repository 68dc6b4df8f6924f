using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Migrations;

/// <summary>What every <see cref="IMigrationStore"/> must do; run against each implementation.</summary>
public abstract class MigrationStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IMigrationStore Store { get; }

    [Fact]
    public async Task GetAsync_CreatedMigration_ReturnsItWithEveryFieldAndAnETag()
    {
        var created = await Store.CreateAsync(Migration("m-1") with { InFlight = ["a", "b"], Error = "x: failed" }, None);

        var read = await Store.GetAsync("bill", "m-1", None);

        Assert.NotNull(read);
        Assert.NotNull(read.ETag);
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(new Dictionary<string, string> { ["wait-pay"] = "wait-payment", ["a/b"] = "c" }, read.Steps);
        Assert.Equal(new UnmappedInstances(JourneyOutcome.Neutral, "migrated-out"), read.Unmapped);
        Assert.Equal((1, 2, Samples.T0, 5, MigrationState.Running), (read.From, read.To, read.CreatedAt, read.Total, read.State));
        Assert.Equal(["a", "b"], read.InFlight);
        Assert.Equal("x: failed", read.Error);
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_Conflicts()
    {
        await Store.CreateAsync(Migration("m-1"), None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CreateAsync(Migration("m-1"), None));
    }

    [Fact]
    public async Task UpdateAsync_AsRead_StoresTheProgressAndANewETag()
    {
        var created = await Store.CreateAsync(Migration("m-1"), None);

        var updated = await Store.UpdateAsync(created with { Moved = 3, Ended = 1, Blocked = 1, State = MigrationState.Completed }, None);

        Assert.NotEqual(created.ETag, updated.ETag);
        var read = await Store.GetAsync("bill", "m-1", None);
        Assert.Equal((3, 1, 1, MigrationState.Completed, updated.ETag), (read!.Moved, read.Ended, read.Blocked, read.State, read.ETag));
    }

    [Fact]
    public async Task UpdateAsync_StaleETag_Conflicts()
    {
        var created = await Store.CreateAsync(Migration("m-1"), None);
        await Store.UpdateAsync(created with { Moved = 1 }, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.UpdateAsync(created with { Moved = 2 }, None));
        Assert.Equal(1, (await Store.GetAsync("bill", "m-1", None))!.Moved);
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull() => Assert.Null(await Store.GetAsync("bill", "unknown", None));

    [Fact]
    public async Task ListRunningAsync_SeveralJourneys_ReturnsOnlyRunningOnesOldestFirst()
    {
        await Store.CreateAsync(Migration("m-late") with { CreatedAt = Samples.T0.AddMinutes(5) }, None);
        await Store.CreateAsync(Migration("m-early", "other"), None);
        var done = await Store.CreateAsync(Migration("m-done"), None);
        await Store.UpdateAsync(done with { State = MigrationState.Completed }, None);

        Assert.Equal(["m-early", "m-late"], (await Store.ListRunningAsync(None)).Select(m => m.Id));
    }

    private static MigrationRecord Migration(string id, string journeyId = "bill") =>
        new(id, journeyId, 1, 2, new Dictionary<string, string> { ["wait-pay"] = "wait-payment", ["a/b"] = "c" }, new UnmappedInstances(JourneyOutcome.Neutral, "migrated-out"), Samples.T0)
        {
            Total = 5,
            UpdatedAt = Samples.T0,
        };
}
