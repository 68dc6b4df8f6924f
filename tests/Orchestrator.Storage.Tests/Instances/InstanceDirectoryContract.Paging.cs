using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Instances;

/// <summary>Paged listing and removal: what the Durable-style list and purge routes rely on.</summary>
public abstract partial class InstanceDirectoryContract
{
    [Fact]
    public async Task QueryAsync_Prefix_ReturnsOnlyIdsWithThatPrefixInIdOrder()
    {
        await AddAllAsync("bill-2", "bill-1", "billing-1", "renew-1", "bil");

        var page = await Directory.QueryAsync(new InstanceDirectoryQuery("bill-", null, null, 10, null), None);

        Assert.Equal(["bill-1", "bill-2"], page.Locations.Select(l => l.InstanceId));
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task QueryAsync_ReservedCharactersInPrefix_MatchesTheRawPrefix()
    {
        await AddAllAsync("a/b-1", "a/b-2", "a%2Fb-3", "a-4");

        var page = await Directory.QueryAsync(new InstanceDirectoryQuery("a/b", null, null, 10, null), None);

        Assert.Equal(["a/b-1", "a/b-2"], page.Locations.Select(l => l.InstanceId));
    }

    [Fact]
    public async Task QueryAsync_PageSmallerThanMatches_PagesWithContinuationTokenUntilNull()
    {
        await AddAllAsync("i-5", "i-3", "i-1", "i-4", "i-2");
        var seen = new List<string>();
        string? token = null;
        var pages = 0;

        do
        {
            var page = await Directory.QueryAsync(new InstanceDirectoryQuery(null, null, null, 2, token), None);
            Assert.True(page.Locations.Count <= 2, $"page {pages} held {page.Locations.Count} entries, more than asked for");
            seen.AddRange(page.Locations.Select(l => l.InstanceId));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(["i-1", "i-2", "i-3", "i-4", "i-5"], seen);
        Assert.InRange(pages, 3, 4);
    }

    [Fact]
    public async Task QueryAsync_CreatedRange_KeepsInstancesCreatedWithinItInclusive()
    {
        for (var minute = 0; minute < 4; minute++)
        {
            await Directory.AddAsync(new InstanceLocation($"m-{minute}", "customer-1", "welcome", 1, Samples.T0.AddMinutes(minute)), None);
        }

        var page = await Directory.QueryAsync(new InstanceDirectoryQuery(null, Samples.T0.AddMinutes(1), Samples.T0.AddMinutes(2), 10, null), None);

        Assert.Equal(["m-1", "m-2"], page.Locations.Select(l => l.InstanceId));
    }

    [Fact]
    public async Task QueryAsync_NoEntries_ReturnsEmptyLastPage()
    {
        var page = await Directory.QueryAsync(new InstanceDirectoryQuery(null, null, null, 10, null), None);

        Assert.Empty(page.Locations);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task DeleteAsync_AddedInstance_FindReturnsNullAndListingSkipsIt()
    {
        await AddAllAsync("keep", "drop" + Samples.Reserved);

        await Directory.DeleteAsync("drop" + Samples.Reserved, None);

        Assert.Null(await Directory.FindAsync("drop" + Samples.Reserved, None));
        var page = await Directory.QueryAsync(new InstanceDirectoryQuery(null, null, null, 10, null), None);
        Assert.Equal(["keep"], page.Locations.Select(l => l.InstanceId));
    }

    [Fact]
    public async Task DeleteAsync_UnknownInstance_IsFine()
    {
        await Directory.DeleteAsync("unknown", None);

        Assert.Null(await Directory.FindAsync("unknown", None));
    }

    private async Task AddAllAsync(params string[] instanceIds)
    {
        foreach (var id in instanceIds)
        {
            await Directory.AddAsync(new InstanceLocation(id, "customer-1", "welcome", 1, Samples.T0), None);
        }
    }
}
