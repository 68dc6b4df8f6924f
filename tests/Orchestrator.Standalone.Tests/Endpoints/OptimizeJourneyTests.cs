using System.Globalization;
using System.Net;
using System.Text.Json;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

/// <summary>An optimize journey through the real host: assignments explained on the timeline, arms counted, figures learned from.</summary>
[Collection(StorageCollection.Name)]
public sealed class OptimizeJourneyTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private const int Customers = 12;
    private RuntimeHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await fixture.StartAsync(azurite, setUp: host => TestJourneys.DeployAsync(host.Client, TestJourneys.Read(TestJourneys.Offer)));
        _client = _host.Client;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Optimize_CustomersOrderOrDecline_ExplainsEachAssignmentCountsTheArmsAndLearnsFromThem()
    {
        var arms = new List<string>();
        for (var i = 0; i < Customers; i++)
        {
            var customer = $"cust-opt-{i}";
            await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event($"signup-{i}", "offer.signed-up", customer)));
            var assignment = await AssignmentOfAsync(customer);
            Assert.Equal("pick", assignment.Text("step"));
            var mode = assignment.GetProperty("values").GetProperty("mode").GetString();
            Assert.Contains(mode, new[] { "\"exploit\"", "\"explore\"", "\"holdout\"" });
            if (mode == "\"exploit\"")
            {
                Assert.True(assignment.GetProperty("values").TryGetProperty("A.sample", out _), assignment.ToString());
                Assert.True(assignment.GetProperty("values").TryGetProperty("B.sample", out _), assignment.ToString());
            }

            arms.Add(assignment.Text("detail")!);
            var outcome = i % 2 == 0 ? "offer.ordered" : "offer.declined";
            await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event($"outcome-{i}", outcome, customer)));
        }

        var answer = await Eventually.WaitAsync(
            () => _client.GetJsonAsync("/api/journeys/test-offer/analytics?window=24h"),
            a => a.Status == HttpStatusCode.OK && ArmsOf(a.Body).Sum(arm => arm.GetProperty("instances").GetInt64()) == Customers,
            $"the {Customers} ended instances counted on the optimize step's arms");
        var counted = ArmsOf(answer.Body).ToDictionary(a => a.Text("arm")!, StringComparer.Ordinal);
        Assert.Equal(["A", "B", "holdout"], counted.Keys.Order(StringComparer.Ordinal));
        Assert.True(counted["holdout"].GetProperty("control").GetBoolean(), answer.ToString());
        foreach (var (label, arm) in counted)
        {
            Assert.Equal(arms.Count(a => a == label), arm.GetProperty("instances").GetInt64());
        }

        Assert.Equal(Customers / 2, counted.Values.Sum(a => a.GetProperty("goals").GetInt64()));

        // The figures reach the engine once the version's cached read is older than its maximum age (5 s by default):
        // before, a new assignment still sees the figures read at the first one; after, the arms' counts.
        var stale = await ExploitingAssignmentAsync("cust-opt-stale");
        Assert.Equal(0, Instances(stale, "A") + Instances(stale, "B"));
        _host.TestClock.Advance(TimeSpan.FromSeconds(6));
        var learned = await ExploitingAssignmentAsync("cust-opt-late");
        Assert.Equal(counted["A"].GetProperty("instances").GetInt64(), Instances(learned, "A"));
        Assert.Equal(counted["B"].GetProperty("instances").GetInt64(), Instances(learned, "B"));
        Assert.Equal(counted["B"].GetProperty("goals").GetInt64().ToString(CultureInfo.InvariantCulture), learned.GetProperty("values").GetProperty("B.goals").GetString());
    }

    [Theory]
    [InlineData("explore", "2", "/steps/pick/explore")]
    [InlineData("arms", "[ { \"next\": \"send-a\" } ]", "/steps/pick/arms")]
    [InlineData("holdout", "{ \"next\": \"wait\", \"share\": 1 }", "/steps/pick/holdout/share")]
    public async Task Put_InvalidOptimizeStep_Returns400PointingAtTheField(string property, string json, string pointer)
    {
        var definition = TestJourneys.Read(TestJourneys.Offer, "test-offer-invalid");
        definition["steps"]!["pick"]![property] = System.Text.Json.Nodes.JsonNode.Parse(json);
        using var content = new StringContent(definition.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

        using var response = await _client.PutAsync(new Uri("/api/journeys/test-offer-invalid", UriKind.Relative), content);
        var answer = await Api.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Contains(pointer, answer.Body.ErrorPlaces("pointer"));
    }

    private static long Instances(JsonElement assignment, string arm) =>
        long.Parse(assignment.GetProperty("values").GetProperty($"{arm}.instances").GetString()!, CultureInfo.InvariantCulture);

    // Signs customers up until one is assigned by exploiting (explore and holdout record no figures); seeded by the ids.
    private async Task<JsonElement> ExploitingAssignmentAsync(string prefix)
    {
        for (var k = 0; k < 20; k++)
        {
            var customer = $"{prefix}-{k}";
            await _client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event($"{customer}-signup", "offer.signed-up", customer)));
            var assignment = await AssignmentOfAsync(customer);
            if (assignment.GetProperty("values").GetProperty("mode").GetString() == "\"exploit\"")
            {
                return assignment;
            }
        }

        throw new InvalidOperationException($"none of 20 customers {prefix}-* was assigned by exploiting");
    }

    private async Task<JsonElement> AssignmentOfAsync(string customer)
    {
        var timeline = await _client.GetJsonAsync($"/api/customers/{customer}/timeline");
        Assert.Equal(HttpStatusCode.OK, timeline.Status);
        return timeline.Body.EnumerateArray()
            .SelectMany(e => e.GetProperty("decisions").EnumerateArray())
            .Select(d => d.GetProperty("decision"))
            .Single(d => d.Text("kind") == "splitAssigned");
    }

    private static IEnumerable<JsonElement> ArmsOf(JsonElement analytics) =>
        analytics.GetProperty("report").GetProperty("arms").EnumerateArray().Where(a => a.Text("split") == "pick");
}
