using System.Net;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class AnalyticsEndpointsTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private HttpClient _client = null!;

    public async Task InitializeAsync() =>
        _client = (await fixture.StartAsync(azurite, setUp: host => TestJourneys.DeployAsync(host.Client, TestJourneys.Read(TestJourneys.Bill)))).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetJourney_AfterATouchpoint_ShowsTheStartAndFunnelWithinFiveSeconds()
    {
        await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-analytics", "cust-analytics")));

        var answer = await Eventually.WaitAsync(
            () => _client.GetJsonAsync("/api/journeys/test-bill/analytics?window=24h&interval=hour"),
            a => a.Status == HttpStatusCode.OK && a.Body.GetProperty("report").GetProperty("totals").GetProperty("started").GetInt64() >= 1,
            "the start counted in the journey's figures",
            Freshness);

        var report = answer.Body.GetProperty("report");
        var notify = report.GetProperty("steps").EnumerateArray().First(s => s.Text("step") == "notify");
        Assert.True(notify.GetProperty("entered").GetInt64() >= 1, answer.ToString());
        Assert.Equal("hour", answer.Body.Text("grain"));
        Assert.True(answer.Body.GetProperty("series").GetArrayLength() >= 1, answer.ToString());
        Assert.True(report.GetProperty("score").TryGetProperty("target", out _), answer.ToString());
    }

    [Theory]
    [InlineData("/api/journeys/test-bill/analytics?window=7x", HttpStatusCode.BadRequest)]
    [InlineData("/api/journeys/test-bill/analytics?interval=week", HttpStatusCode.BadRequest)]
    [InlineData("/api/journeys/no-such-journey/analytics", HttpStatusCode.NotFound)]
    [InlineData("/api/journeys/test-bill/analytics?version=99", HttpStatusCode.NotFound)]
    [InlineData("/api/analytics/journeys?window=0d", HttpStatusCode.BadRequest)]
    public async Task GetAnalytics_BadQueryOrUnknownJourney_AnswersProblem(string path, HttpStatusCode status)
    {
        var answer = await _client.GetJsonAsync(path);

        Assert.Equal(status, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
    }

    [Fact]
    public async Task Rank_DeployedJourney_ListsItWithTargetAndOpportunity()
    {
        var answer = await _client.GetJsonAsync("/api/analytics/journeys?window=7d");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var journey = answer.Body.EnumerateArray().Single(j => j.Text("journeyId") == "test-bill");
        Assert.True(journey.GetProperty("target").GetDouble() > 0);
        Assert.True(journey.GetProperty("opportunity").GetDouble() >= 0);
    }

    [Fact]
    public async Task OpenApi_Document_ListsBothAnalyticsRoutes()
    {
        var answer = await _client.GetJsonAsync("/openapi/v1.json");

        var paths = answer.Body.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/journeys/{id}/analytics", out _), "the journey analytics route is not in the OpenAPI document");
        Assert.True(paths.TryGetProperty("/api/analytics/journeys", out _), "the ranking route is not in the OpenAPI document");
    }
}
