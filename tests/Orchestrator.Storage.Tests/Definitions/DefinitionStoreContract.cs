using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Definitions;

/// <summary>What every <see cref="IDefinitionStore"/> must do; run against each implementation.</summary>
public abstract class DefinitionStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IDefinitionStore Store { get; }

    [Fact]
    public async Task DeployAsync_FirstThenSecond_NumbersVersionsFromOne()
    {
        var first = await Store.DeployAsync("welcome", """{"v":1}""", Samples.T0, None);
        var second = await Store.DeployAsync("welcome", """{"v":2}""", Samples.T0.AddDays(1), None);
        var other = await Store.DeployAsync("other", """{"v":1}""", Samples.T0, None);

        Assert.Equal(new StoredDefinition("welcome", 1, """{"v":1}""", Samples.T0), first);
        Assert.Equal(2, second.Version);
        Assert.Equal(1, other.Version);
    }

    [Fact]
    public async Task GetAsync_EachDeployedVersion_ReturnsItUnchanged()
    {
        var json = """{ "id": "welcome", "name": "Bienvenue \u00e0 vous \u2713", "steps": [] }""";
        await Store.DeployAsync("welcome", json, Samples.T0, None);
        await Store.DeployAsync("welcome", """{"v":2}""", Samples.T0.AddDays(1), None);

        Assert.Equal(new StoredDefinition("welcome", 1, json, Samples.T0, VersionStatus.Superseded), await Store.GetAsync("welcome", 1, None));
        Assert.Equal(new StoredDefinition("welcome", 2, """{"v":2}""", Samples.T0.AddDays(1)), await Store.GetAsync("welcome", 2, None));
    }

    [Fact]
    public async Task GetAsync_UnknownJourneyOrVersion_ReturnsNull()
    {
        await Store.DeployAsync("welcome", "{}", Samples.T0, None);

        Assert.Null(await Store.GetAsync("welcome", 2, None));
        Assert.Null(await Store.GetAsync("welcome", 0, None));
        Assert.Null(await Store.GetAsync("unknown", 1, None));
    }

    [Fact]
    public async Task ListActiveAsync_SeveralJourneys_ReturnsLatestVersionOfEach()
    {
        Assert.Empty(await Store.ListActiveAsync(None));
        await Store.DeployAsync("b-journey", """{"v":1}""", Samples.T0, None);
        await Store.DeployAsync("a-journey", """{"v":1}""", Samples.T0, None);
        await Store.DeployAsync("b-journey", """{"v":2}""", Samples.T0.AddHours(1), None);

        var active = await Store.ListActiveAsync(None);

        Assert.Equal(
            [new StoredDefinition("a-journey", 1, """{"v":1}""", Samples.T0), new StoredDefinition("b-journey", 2, """{"v":2}""", Samples.T0.AddHours(1))],
            active);
    }

    [Fact]
    public async Task DeployAsync_ConcurrentDeploysOfOneJourney_LoseNoVersion()
    {
        var deploys = Enumerable.Range(1, 4).Select(i => Store.DeployAsync("welcome", $$"""{"deploy":{{i}}}""", Samples.T0, None));

        var deployed = await Task.WhenAll(deploys);

        Assert.Equal([1, 2, 3, 4], deployed.Select(d => d.Version).Order());
        foreach (var definition in deployed)
        {
            // Only the latest stays active; the others read back superseded.
            var status = definition.Version == 4 ? VersionStatus.Active : VersionStatus.Superseded;
            Assert.Equal(definition with { Status = status }, await Store.GetAsync("welcome", definition.Version, None));
        }

        Assert.Equal(4, Assert.Single(await Store.ListActiveAsync(None)).Version);
    }

    [Fact]
    public async Task DeployAsync_LargeDefinitionAndReservedCharacters_RoundTrips()
    {
        var journeyId = "journey" + Samples.Reserved;
        var json = $$"""{"text":"{{Samples.Text(200 * 1024)}}"}""";

        await Store.DeployAsync(journeyId, json, Samples.T0, None);

        Assert.Equal(json, (await Store.GetAsync(journeyId, 1, None))?.Json);
        Assert.Equal(journeyId, Assert.Single(await Store.ListActiveAsync(None)).JourneyId);
    }

    [Fact]
    public async Task GetAsync_LatestAndOlderVersions_AreActiveAndSuperseded()
    {
        await Store.DeployAsync("welcome", "{}", Samples.T0, None);
        Assert.Equal(VersionStatus.Active, (await Store.GetAsync("welcome", 1, None))?.Status);

        await Store.DeployAsync("welcome", "{}", Samples.T0, None);

        Assert.Equal(VersionStatus.Superseded, (await Store.GetAsync("welcome", 1, None))?.Status);
        Assert.Equal(VersionStatus.Active, (await Store.GetAsync("welcome", 2, None))?.Status);
    }

    [Theory]
    [InlineData(VersionStatus.Draining)]
    [InlineData(VersionStatus.Stopped)]
    public async Task SetStatusAsync_LatestVersion_IsReadBackAndListed(VersionStatus status)
    {
        await Store.DeployAsync("welcome", """{"v":1}""", Samples.T0, None);

        var changed = await Store.SetStatusAsync("welcome", 1, VersionStatus.Active, status, None);

        Assert.Equal(new StoredDefinition("welcome", 1, """{"v":1}""", Samples.T0, status), changed);
        Assert.Equal(changed, await Store.GetAsync("welcome", 1, None));
        Assert.Equal(status, Assert.Single(await Store.ListActiveAsync(None)).Status);
    }

    [Fact]
    public async Task DeployAsync_AfterDrain_NewVersionIsActiveAndDrainedOneKeepsItsMark()
    {
        await Store.DeployAsync("welcome", "{}", Samples.T0, None);
        await Store.SetStatusAsync("welcome", 1, VersionStatus.Active, VersionStatus.Draining, None);

        await Store.DeployAsync("welcome", "{}", Samples.T0, None);

        var active = Assert.Single(await Store.ListActiveAsync(None));
        Assert.Equal((2, VersionStatus.Active), (active.Version, active.Status));
        Assert.Equal(VersionStatus.Draining, (await Store.GetAsync("welcome", 1, None))?.Status);
    }

    [Fact]
    public async Task SetStatusAsync_StaleExpectedStatus_ThrowsConflictAndKeepsStatus()
    {
        await Store.DeployAsync("welcome", "{}", Samples.T0, None);
        await Store.SetStatusAsync("welcome", 1, VersionStatus.Active, VersionStatus.Stopped, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.SetStatusAsync("welcome", 1, VersionStatus.Active, VersionStatus.Draining, None));

        Assert.Equal(VersionStatus.Stopped, (await Store.GetAsync("welcome", 1, None))?.Status);
    }

    [Fact]
    public async Task SetStatusAsync_UnknownVersion_ReturnsNull()
    {
        await Store.DeployAsync("welcome", "{}", Samples.T0, None);

        Assert.Null(await Store.SetStatusAsync("welcome", 2, VersionStatus.Active, VersionStatus.Stopped, None));
        Assert.Null(await Store.SetStatusAsync("unknown", 1, VersionStatus.Active, VersionStatus.Stopped, None));
    }

    [Theory]
    [InlineData(VersionStatus.Active)]
    [InlineData(VersionStatus.Superseded)]
    public async Task SetStatusAsync_StatusOnlyDeploysSet_Throws(VersionStatus status)
    {
        await Store.DeployAsync("welcome", "{}", Samples.T0, None);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SetStatusAsync("welcome", 1, VersionStatus.Active, status, None));
    }
}
