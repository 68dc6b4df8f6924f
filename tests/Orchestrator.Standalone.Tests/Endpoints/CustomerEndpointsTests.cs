using System.Net;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class CustomerEndpointsTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() =>
        _client = (await fixture.StartAsync(azurite, setUp: host => TestJourneys.DeployAsync(host.Client, TestJourneys.Read(TestJourneys.Bill)))).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListJourneys_CustomerWithInstance_ReturnsItWithStatusAndStep()
    {
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-listed", "cust-listed")));

        var answer = await _client.GetJsonAsync("/api/customers/cust-listed/journeys");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var journey = Assert.Single(answer.Body.EnumerateArray());
        Assert.Equal("test-bill:cust-listed:inv-listed", journey.Text("instanceId"));
        Assert.Equal("test-bill", journey.Text("journey"));
        Assert.Equal(1, journey.GetProperty("version").GetInt32());
        Assert.Equal("Running", journey.Text("runtimeStatus"));
        Assert.Equal("wait-pay", journey.Text("currentStep"));
    }

    [Fact]
    public async Task Timeline_CustomerWithTwoTouchpoints_ReturnsBothWithDecisionsAndActions()
    {
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-timeline", "cust-timeline")));
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("fail-timeline", "payment.failed", "cust-timeline")));

        var answer = await _client.GetJsonAsync("/api/customers/cust-timeline/timeline");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var entries = answer.Body.EnumerateArray().ToArray();
        Assert.Equal([1, 2], entries.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(["inv-timeline", "fail-timeline"], entries.Select(e => e.Text("touchpoint", "id")));
        Assert.Equal(["invoice-ready", "payment-link"], entries[0].GetProperty("actions").EnumerateArray().Select(a => a.Text("action")));
        Assert.Contains(entries[1].GetProperty("decisions").EnumerateArray(), d => d.Text("decision", "kind") == "eventMatched");
    }

    [Fact]
    public async Task ListJourneys_UnknownCustomer_ReturnsEmptyList()
    {
        var answer = await _client.GetJsonAsync("/api/customers/nobody-at-all/journeys");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Body.EnumerateArray());
    }
}
