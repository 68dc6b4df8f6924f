using System.Net;
using System.Text.Json;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

/// <summary>Drain and stop through HTTP. Each test deploys a journey of its own, so their instances stay apart.</summary>
[Collection(StorageCollection.Name)]
public sealed class VersionLifecycleTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = (await fixture.StartAsync(azurite)).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Drain_ActiveVersion_RefusesNewEntriesButRunningInstanceCompletes()
    {
        using var deployed = await TestJourneys.DeployAsync(_client, TestJourneys.Read(TestJourneys.Bill, "vl-drain"));
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-d1", "cust-d1")));

        var drained = await PostAsync("/api/journeys/vl-drain/versions/1/drain");
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-d2", "cust-d2")));
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("pay-d1", "payment.completed", "cust-d1")));

        Assert.Equal(HttpStatusCode.Accepted, drained.Status);
        Assert.Equal(("vl-drain", 1, "Draining", 0), Summary(drained.Body));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetStatusAsync("vl-drain:cust-d2:inv-d2")).Status);
        var running = await _client.GetStatusAsync("vl-drain:cust-d1:inv-d1");
        Assert.Equal(("Completed", "success"), (running.Body.Text("runtimeStatus"), running.Body.Text("output", "outcome")));
        Assert.Equal("Draining", (await _client.GetJsonAsync("/api/journeys/vl-drain/versions/1")).Body.Text("status"));
        var listed = (await _client.GetJsonAsync("/api/journeys")).Body.EnumerateArray().Single(j => j.Text("id") == "vl-drain");
        Assert.Equal("Draining", listed.Text("status"));
    }

    [Fact]
    public async Task Stop_RunningInstances_EndWithOutcomeStoppedAndNewEntriesAreRefused()
    {
        using var deployed = await TestJourneys.DeployAsync(_client, TestJourneys.Read(TestJourneys.Bill, "vl-stop"));
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-s1", "cust-s1")));
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-s2", "cust-s2")));

        var stopped = await PostAsync("/api/journeys/vl-stop/versions/1/stop");
        var again = await PostAsync("/api/journeys/vl-stop/versions/1/stop");
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-s3", "cust-s3")));

        Assert.Equal(HttpStatusCode.Accepted, stopped.Status);
        Assert.Equal(("vl-stop", 1, "Stopped", 2), Summary(stopped.Body));
        Assert.Equal(("vl-stop", 1, "Stopped", 0), Summary(again.Body));
        foreach (var instanceId in new[] { "vl-stop:cust-s1:inv-s1", "vl-stop:cust-s2:inv-s2" })
        {
            var status = await _client.GetStatusAsync(instanceId);
            Assert.Equal(("Completed", "stopped"), (status.Body.Text("runtimeStatus"), status.Body.Text("output", "outcome")));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetStatusAsync("vl-stop:cust-s3:inv-s3")).Status);
    }

    [Fact]
    public async Task Drain_StoppedVersion_Returns409Problem()
    {
        using var deployed = await TestJourneys.DeployAsync(_client, TestJourneys.Read(TestJourneys.Bill, "vl-conflict"));
        await PostAsync("/api/journeys/vl-conflict/versions/1/stop");

        var drained = await PostAsync("/api/journeys/vl-conflict/versions/1/drain");

        Assert.Equal(HttpStatusCode.Conflict, drained.Status);
        Assert.Equal("application/problem+json", drained.MediaType);
        Assert.Contains("stopped", drained.Body.Text("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/journeys/vl-unknown/versions/1/drain")]
    [InlineData("/api/journeys/vl-unknown/versions/1/stop")]
    public async Task DrainOrStop_UnknownVersion_Returns404Problem(string path)
    {
        var answer = await PostAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
    }

    [Fact]
    public async Task Deploy_AfterDrain_NewVersionIsActiveAndTakesEntries()
    {
        using var first = await TestJourneys.DeployAsync(_client, TestJourneys.Read(TestJourneys.Bill, "vl-redeploy"));
        await PostAsync("/api/journeys/vl-redeploy/versions/1/drain");

        using var second = await TestJourneys.DeployAsync(_client, TestJourneys.Read(TestJourneys.Bill, "vl-redeploy"));
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-r1", "cust-r1")));

        var version2 = await _client.GetJsonAsync("/api/journeys/vl-redeploy/versions/2");
        Assert.Equal("Active", version2.Body.Text("status"));
        Assert.Equal(1, version2.Body.GetProperty("instances").GetProperty("running").GetInt32());
        Assert.Equal("Draining", (await _client.GetJsonAsync("/api/journeys/vl-redeploy/versions/1")).Body.Text("status"));
        Assert.Equal(HttpStatusCode.Accepted, (await _client.GetStatusAsync("vl-redeploy:cust-r1:inv-r1")).Status);
    }

    [Fact]
    public async Task GetVersion_InstancesAtSeveralSteps_CountsThemByStep()
    {
        using var deployed = await TestJourneys.DeployAsync(_client, TestJourneys.Read(TestJourneys.Bill, "vl-count"));
        foreach (var n in new[] { 1, 2, 3, 4 })
        {
            await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice($"inv-c{n}", $"cust-c{n}")));
        }

        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("fail-c3", "payment.failed", "cust-c3")));
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("pay-c4", "payment.completed", "cust-c4")));

        var answer = await _client.GetJsonAsync("/api/journeys/vl-count/versions/1");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(("vl-count", 1, "Active"), (answer.Body.Text("id"), answer.Body.GetProperty("version").GetInt32(), answer.Body.Text("status")));
        Assert.Equal("vl-count", answer.Body.Text("definition", "id"));
        var instances = answer.Body.GetProperty("instances");
        Assert.Equal(3, instances.GetProperty("running").GetInt32());
        Assert.Equal(1, instances.GetProperty("completed").GetInt32());
        Assert.Equal(
            [("wait-after-reminder", 1), ("wait-pay", 2)],
            instances.GetProperty("byStep").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).OrderBy(p => p.Name, StringComparer.Ordinal));
    }

    private async Task<Api.Answer> PostAsync(string path)
    {
        using var response = await _client.PostAsync(new Uri(path, UriKind.Relative), content: null);
        return await Api.ReadAsync(response);
    }

    private static (string?, int, string?, int) Summary(JsonElement body) =>
        (body.Text("id"), body.GetProperty("version").GetInt32(), body.Text("status"), body.GetProperty("stopped").GetInt32());
}
