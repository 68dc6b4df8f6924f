using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Instances;

/// <summary>What every <see cref="IInstanceDirectory"/> must do; run against each implementation.</summary>
public abstract partial class InstanceDirectoryContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IInstanceDirectory Directory { get; }

    [Fact]
    public async Task FindAsync_AddedInstance_ReturnsItsLocation()
    {
        var location = new InstanceLocation("instance-1", "customer-1", "welcome", 2, Samples.T0);

        await Directory.AddAsync(location, None);

        var found = await Directory.FindAsync("instance-1", None);
        Assert.Equal(location, found);
        Assert.Equal(Samples.T0.UtcTicks, found?.CreatedTime.UtcTicks);
    }

    [Fact]
    public async Task FindAsync_UnknownInstance_ReturnsNull() => Assert.Null(await Directory.FindAsync("unknown", None));

    [Fact]
    public async Task AddAsync_SameLocationTwice_IsIdempotent()
    {
        var location = new InstanceLocation("instance-1", "customer-1", "welcome", 2, Samples.T0);

        await Directory.AddAsync(location, None);
        await Directory.AddAsync(location, None);

        Assert.Equal(location, await Directory.FindAsync("instance-1", None));
    }

    [Fact]
    public async Task AddAsync_ReservedCharacters_KeepsLookalikeIdsApart()
    {
        var escaped = new InstanceLocation("i" + Samples.Reserved, "c" + Samples.Reserved, "welcome", 1, Samples.T0);
        var lookalike = new InstanceLocation("i%2F", "other", "welcome", 1, Samples.T0);

        await Directory.AddAsync(escaped, None);
        await Directory.AddAsync(lookalike, None);

        Assert.Equal(escaped, await Directory.FindAsync(escaped.InstanceId, None));
        Assert.Equal(lookalike, await Directory.FindAsync("i%2F", None));
        Assert.Null(await Directory.FindAsync("i/", None));
    }

    [Fact]
    public async Task ListByVersionAsync_SeveralVersionsAndJourneys_ReturnsOnlyThatVersionOldestFirst()
    {
        var later = new InstanceLocation("a-later", "customer-1", "welcome", 2, Samples.T0.AddMinutes(1));
        var earlier = new InstanceLocation("z-earlier" + Samples.Reserved, "customer-2", "welcome", 2, Samples.T0);
        await Directory.AddAsync(later, None);
        await Directory.AddAsync(earlier, None);
        await Directory.AddAsync(new InstanceLocation("other-version", "customer-1", "welcome", 1, Samples.T0), None);
        await Directory.AddAsync(new InstanceLocation("other-journey", "customer-1", "renewal", 2, Samples.T0), None);

        var listed = await Directory.ListByVersionAsync("welcome", 2, None);

        Assert.Equal([earlier, later], listed);
    }

    [Fact]
    public async Task ListByVersionAsync_NoInstances_ReturnsEmpty() =>
        Assert.Empty(await Directory.ListByVersionAsync("welcome", 1, None));
}
