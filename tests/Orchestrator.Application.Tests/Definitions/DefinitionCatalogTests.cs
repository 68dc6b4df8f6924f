using Orchestrator.Application.Tests.Support;

namespace Orchestrator.Application.Tests.Definitions;

public sealed class DefinitionCatalogTests : IDisposable
{
    private readonly TestRuntime _runtime = new(new ApplicationOptions { ActiveDefinitionsRefresh = TimeSpan.FromSeconds(10) });

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task GetActiveAsync_DeployedByAnotherProcess_SeenOnlyOnceRefreshIntervalPassed()
    {
        Assert.Empty(await _runtime.Catalog.GetActiveAsync(CancellationToken.None));

        // Straight into the store, as another process's deployment arrives.
        await _runtime.DefinitionStore.DeployAsync("bill-payment", SampleJourneys.SampleJson(SampleJourneys.BillPayment), TestRuntime.T0, CancellationToken.None);
        var atOnce = await _runtime.Catalog.GetActiveAsync(CancellationToken.None);
        _runtime.Clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        var justBefore = await _runtime.Catalog.GetActiveAsync(CancellationToken.None);
        _runtime.Clock.Advance(TimeSpan.FromTicks(1));
        var after = await _runtime.Catalog.GetActiveAsync(CancellationToken.None);

        Assert.Empty(atOnce);
        Assert.Empty(justBefore);
        Assert.Equal([("bill-payment", 1)], after.Select(d => (d.Id, d.Version)));
    }

    [Fact]
    public async Task GetActiveAsync_SeveralJourneys_OrderedByIdWithDeployedVersions()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.SupportCase, SampleJourneys.CrossSell, SampleJourneys.BillPayment);
        await _runtime.DeployNewVersionAsync(SampleJourneys.CrossSell);

        var active = await _runtime.Catalog.GetActiveAsync(CancellationToken.None);

        Assert.Equal([("bill-payment", 1), ("cross-sell", 2), ("support-case", 1)], active.Select(d => (d.Id, d.Version)));
    }

    [Fact]
    public async Task GetAsync_StoredVersion_ParsedOnceWithItsVersion()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.DeployNewVersionAsync(SampleJourneys.BillPayment);

        var first = await _runtime.Catalog.GetAsync("bill-payment", 1, CancellationToken.None);
        var again = await _runtime.Catalog.GetAsync("bill-payment", 1, CancellationToken.None);
        var second = await _runtime.Catalog.GetAsync("bill-payment", 2, CancellationToken.None);

        Assert.Equal(1, first?.Version);
        Assert.Same(first, again);
        Assert.Equal(2, second?.Version);
    }

    [Theory]
    [InlineData("bill-payment", 0)]
    [InlineData("bill-payment", 2)]
    [InlineData("nope", 1)]
    public async Task GetAsync_NotStored_Null(string journeyId, int version)
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);

        Assert.Null(await _runtime.Catalog.GetAsync(journeyId, version, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_CorruptStoredDefinition_ThrowsNamingIt()
    {
        await _runtime.DefinitionStore.DeployAsync("broken", """{ "id": "broken" }""", TestRuntime.T0, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _runtime.Catalog.GetAsync("broken", 1, CancellationToken.None));

        Assert.StartsWith("Stored definition broken v1 is invalid", error.Message, StringComparison.Ordinal);
    }
}
