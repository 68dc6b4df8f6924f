using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Poison;

/// <summary>What every <see cref="IPoisonStore"/> must do; run against each implementation.</summary>
public abstract class PoisonStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IPoisonStore Store { get; }

    [Fact]
    public async Task GetAsync_AddedEntry_ReturnsItUnchanged()
    {
        var entry = Entry("poison-1", Samples.T0);

        await Store.AddAsync(entry, None);

        Assert.Equal(entry, await Store.GetAsync("poison-1", None));
    }

    [Fact]
    public async Task GetAsync_UnknownEntry_ReturnsNull() => Assert.Null(await Store.GetAsync("unknown", None));

    [Fact]
    public async Task ListAsync_SeveralEntries_ReturnsNewestFirstUpToMax()
    {
        await Store.AddAsync(Entry("middle", Samples.T0.AddMinutes(1)), None);
        await Store.AddAsync(Entry("oldest", Samples.T0), None);
        await Store.AddAsync(Entry("newest", Samples.T0.AddMinutes(2)), None);

        Assert.Equal(["newest", "middle", "oldest"], (await Store.ListAsync(10, None)).Select(e => e.Id));
        Assert.Equal(["newest", "middle"], (await Store.ListAsync(2, None)).Select(e => e.Id));
    }

    [Fact]
    public async Task AddAsync_SameIdTwice_KeepsOneEntry()
    {
        await Store.AddAsync(Entry("poison-1", Samples.T0), None);
        var again = Entry("poison-1", Samples.T0.AddMinutes(1)) with { Attempts = 7 };

        await Store.AddAsync(again, None);

        Assert.Equal([again], await Store.ListAsync(10, None));
    }

    [Fact]
    public async Task DeleteAsync_Entry_RemovesItAndMissingIsFine()
    {
        await Store.AddAsync(Entry("poison-1", Samples.T0), None);
        await Store.AddAsync(Entry("poison-2", Samples.T0), None);

        await Store.DeleteAsync("poison-1", None);
        await Store.DeleteAsync("poison-1", None);

        Assert.Null(await Store.GetAsync("poison-1", None));
        Assert.Equal(["poison-2"], (await Store.ListAsync(10, None)).Select(e => e.Id));
    }

    [Fact]
    public async Task AddAsync_LargeBodyAndReservedId_RoundTrips()
    {
        var entry = Entry("poison" + Samples.Reserved, Samples.T0) with { Body = $$"""{"data":"{{Samples.Text(150 * 1024)}}"}""" };

        await Store.AddAsync(entry, None);

        Assert.Equal(entry, await Store.GetAsync(entry.Id, None));
    }

    private static PoisonEntry Entry(string id, DateTimeOffset at) =>
        new(id, """{"specversion":"1.0","id":"tp-1","type":"cart.abandoned"}""", "Unknown customer alias.", "queue", 5, at);
}
