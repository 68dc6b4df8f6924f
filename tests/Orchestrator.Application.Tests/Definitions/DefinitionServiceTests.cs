using System.Text.Json.Nodes;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Application.Tests.Definitions;

public sealed class DefinitionServiceTests : IDisposable
{
    private readonly TestRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task DeployAsync_ValidTwice_StoresVersionOneThenTwoAndActivatesLatest()
    {
        var json = SampleJourneys.SampleJson(SampleJourneys.BillPayment);

        var first = await _runtime.Definitions.DeployAsync("bill-payment", json, CancellationToken.None);
        _runtime.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await _runtime.Definitions.DeployAsync("bill-payment", Mutate(SampleJourneys.BillPayment, node => node["name"] = "Bill payment, second edition"), CancellationToken.None);

        Assert.Equal((true, 1), (first.Deployed, first.Version));
        Assert.Equal((true, 2), (second.Deployed, second.Version));
        Assert.Empty(second.Errors);
        var active = await _runtime.Definitions.GetActiveAsync("bill-payment", CancellationToken.None);
        Assert.Equal((2, TestRuntime.T0.AddMinutes(1)), (active?.Version, active?.DeployedAt));
        Assert.Equal(TestRuntime.T0, (await _runtime.Definitions.GetVersionAsync("bill-payment", 1, CancellationToken.None))?.DeployedAt);
        Assert.Equal([("bill-payment", 2)], (await _runtime.Definitions.ListActiveAsync(CancellationToken.None)).Select(d => (d.JourneyId, d.Version)));
    }

    [Fact]
    public async Task DeployAsync_SameContentAsActiveVersion_AnswersThatVersionAndStoresNothing()
    {
        var json = SampleJourneys.SampleJson(SampleJourneys.BillPayment);
        var first = await _runtime.Definitions.DeployAsync("bill-payment", json, CancellationToken.None);
        _runtime.Clock.Advance(TimeSpan.FromMinutes(1));

        // Same content, another layout and property order: still the same definition.
        var reordered = new JsonObject(JsonNode.Parse(json)!.AsObject().Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var again = await _runtime.Definitions.DeployAsync("bill-payment", reordered.ToJsonString(new() { WriteIndented = true }), CancellationToken.None);

        Assert.Equal((true, 1, false), (first.Deployed, first.Version, first.Unchanged));
        Assert.Equal((true, 1, true), (again.Deployed, again.Version, again.Unchanged));
        Assert.Empty(again.Errors);
        Assert.Null(await _runtime.Definitions.GetVersionAsync("bill-payment", 2, CancellationToken.None));
        Assert.Equal(TestRuntime.T0, (await _runtime.Definitions.GetActiveAsync("bill-payment", CancellationToken.None))?.DeployedAt);
    }

    [Fact]
    public async Task DeployAsync_SameContentAsDrainedVersion_StoresANewActiveVersion()
    {
        var json = SampleJourneys.SampleJson(SampleJourneys.BillPayment);
        await _runtime.Definitions.DeployAsync("bill-payment", json, CancellationToken.None);
        await _runtime.DefinitionStore.SetStatusAsync("bill-payment", 1, VersionStatus.Active, VersionStatus.Draining, CancellationToken.None);

        var again = await _runtime.Definitions.DeployAsync("bill-payment", json, CancellationToken.None);

        Assert.Equal((true, 2, false), (again.Deployed, again.Version, again.Unchanged));
    }

    [Fact]
    public async Task DeployAsync_Invalid_ErrorsWithPointersAndNothingStored()
    {
        var json = Mutate(SampleJourneys.BillPayment, node =>
        {
            node["start"] = "nowhere";
            node["steps"]!["notify"]!.AsObject().Remove("channel");
        });

        var result = await _runtime.Definitions.DeployAsync("bill-payment", json, CancellationToken.None);

        Assert.False(result.Deployed);
        Assert.Null(result.Version);
        Assert.Equal(["/start", "/steps/notify"], result.Errors.Select(e => e.Pointer).Order(StringComparer.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("'channel'", StringComparison.Ordinal));
        Assert.Empty(await _runtime.Definitions.ListActiveAsync(CancellationToken.None));
        Assert.Null(await _runtime.Definitions.GetVersionAsync("bill-payment", 1, CancellationToken.None));
    }

    [Fact]
    public async Task DeployAsync_IdDiffersFromAddress_ErrorAtIdAndNothingStored()
    {
        var result = await _runtime.Definitions.DeployAsync("bill-pay", SampleJourneys.SampleJson(SampleJourneys.BillPayment), CancellationToken.None);

        var error = Assert.Single(result.Errors);
        Assert.Equal("/id", error.Pointer);
        Assert.Contains("'bill-payment'", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _runtime.Definitions.ListActiveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeployAsync_Oversize_OneErrorForDocumentAndNothingStored()
    {
        // Valid JSON apart from its size: the padding is whitespace.
        var json = SampleJourneys.SampleJson(SampleJourneys.BillPayment).Replace("\"id\"", new string(' ', JourneyDefinitionReader.MaxBytes) + "\"id\"", StringComparison.Ordinal);

        var result = await _runtime.Definitions.DeployAsync("bill-payment", json, CancellationToken.None);

        Assert.Equal(new DefinitionError(string.Empty, "a definition is at most 256 KiB"), Assert.Single(result.Errors));
        Assert.Empty(await _runtime.Definitions.ListActiveAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("bill-payment", "bill-payment", null)]
    [InlineData("support-case", "support-case", null)]
    [InlineData("cross-sell", "cross-sell", null)]
    [InlineData("bill-payment", "cross-sell", "/id")]
    [InlineData("bill-payment", "BILL-PAYMENT", "/id")]
    public void Validate_SampleUnderAddress_ErrorOnlyWhenIdsDiffer(string sample, string address, string? pointer)
    {
        var errors = DefinitionService.Validate(address, SampleJourneys.SampleJson(sample));

        Assert.Equal(pointer is null ? [] : [pointer], errors.Select(e => e.Pointer));
    }

    [Theory]
    [InlineData("{ \"id\": ")]
    [InlineData("[]")]
    public void Validate_NotAJourneyObject_ErrorAtDocumentRoot(string json) =>
        Assert.Contains(DefinitionService.Validate("bill-payment", json), e => e.Pointer.Length == 0);

    [Fact]
    public async Task DeployAsync_ThroughService_CatalogSeesNewVersionAtOnce()
    {
        Assert.Empty(await _runtime.Catalog.GetActiveAsync(CancellationToken.None));

        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        var afterFirst = await _runtime.Catalog.GetActiveAsync(CancellationToken.None);
        await _runtime.Definitions.DeployAsync("bill-payment", Mutate(SampleJourneys.BillPayment, node => node["priority"] = 7), CancellationToken.None);
        var afterSecond = await _runtime.Catalog.GetActiveAsync(CancellationToken.None);

        Assert.Equal([("bill-payment", 1)], afterFirst.Select(d => (d.Id, d.Version)));
        Assert.Equal([("bill-payment", 2)], afterSecond.Select(d => (d.Id, d.Version)));
    }

    private static string Mutate(string sample, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(SampleJourneys.SampleJson(sample))!.AsObject();
        change(node);
        return node.ToJsonString();
    }
}
