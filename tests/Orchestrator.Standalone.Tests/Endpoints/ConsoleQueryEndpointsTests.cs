using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

/// <summary>The routes the console reads beside the rest of the API: a version's instances by step, and what a customer search term stands for.</summary>
[Collection(StorageCollection.Name)]
public sealed class ConsoleQueryEndpointsTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() =>
        _client = (await fixture.StartAsync(azurite, setUp: host => TestJourneys.DeployAsync(host.Client, TestJourneys.Read(TestJourneys.Bill)))).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListInstances_AtStep_ReturnsOnlyTheCustomersRunningThere()
    {
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-at-1", "cust-at-1")));
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-at-2", "cust-at-2")));
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("fail-at-2", "payment.failed", "cust-at-2")));

        var waiting = await _client.GetJsonAsync("/api/journeys/test-bill/versions/1/instances?step=wait-pay");

        Assert.Equal(HttpStatusCode.OK, waiting.Status);
        var customers = waiting.Body.EnumerateArray().Select(i => i.Text("customerId")).ToList();
        Assert.Contains("cust-at-1", customers);
        Assert.DoesNotContain("cust-at-2", customers);
        var first = waiting.Body.EnumerateArray().Single(i => i.Text("customerId") == "cust-at-1");
        Assert.Equal(("test-bill:cust-at-1:inv-at-1", "wait-pay", "Running"), (first.Text("instanceId"), first.Text("step"), first.Text("runtimeStatus")));
        Assert.NotNull(first.Text("stepEnteredAt"));
    }

    [Fact]
    public async Task ListInstances_NoStep_ReturnsEveryRunningInstanceUpToTop()
    {
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-top-1", "cust-top-1")));
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-top-2", "cust-top-2")));

        var one = await _client.GetJsonAsync("/api/journeys/test-bill/versions/1/instances?top=1");
        var all = await _client.GetJsonAsync("/api/journeys/test-bill/versions/1/instances");

        Assert.Single(one.Body.EnumerateArray());
        Assert.True(all.Body.GetArrayLength() >= 2);
    }

    [Theory]
    [InlineData("/api/journeys/test-bill/versions/1/instances?top=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/journeys/test-bill/versions/9/instances", HttpStatusCode.NotFound)]
    [InlineData("/api/journeys/no-such-journey/versions/1/instances", HttpStatusCode.NotFound)]
    public async Task ListInstances_BadQueryOrUnknownVersion_AnswersProblem(string path, HttpStatusCode expected)
    {
        var answer = await _client.GetJsonAsync(path);

        Assert.Equal(expected, answer.Status);
        Assert.NotNull(answer.Body.Text("detail"));
    }

    [Fact]
    public async Task Identity_LinkedAlias_ResolvesToItsCustomer()
    {
        var link = CloudEvents.Event("link-console", "identity.linked", "cust-console", new JsonObject { ["alias"] = "email:console@example.com" });
        await _client.PostTouchpointsAsync(CloudEvents.Content(link));

        var linked = await _client.GetJsonAsync("/api/customers/email:console@example.com/identity");
        var unlinked = await _client.GetJsonAsync("/api/customers/email:nobody@example.com/identity");
        var plain = await _client.GetJsonAsync("/api/customers/cust-plain/identity");

        Assert.Equal(("cust-console", "True", "True"), (linked.Body.Text("customerId"), linked.Body.GetProperty("isAlias").ToString(), linked.Body.GetProperty("linked").ToString()));
        Assert.Equal(("email:nobody@example.com", "True", "False"), (unlinked.Body.Text("customerId"), unlinked.Body.GetProperty("isAlias").ToString(), unlinked.Body.GetProperty("linked").ToString()));
        Assert.Equal(("cust-plain", "False"), (plain.Body.Text("customerId"), plain.Body.GetProperty("isAlias").ToString()));
    }
}
