using Orchestrator.Application.Tests.Support;
using Orchestrator.Durable.Orchestration;

namespace Orchestrator.Durable.Tests.Orchestration;

/// <summary>The customer's profile reaches an orchestration through its history only: its input and its raised events.</summary>
public sealed class CustomerProfileTests
{
    private const string Journey = """
        { "id": "tiered", "name": "tiered", "entry": { "event": "start" }, "start": "wait",
          "steps": {
            "wait": { "type": "waitFor", "events": [ { "event": "go", "next": "tier" } ] },
            "tier": { "type": "branch",
                      "cases": [ { "when": { "field": "customer.attributes.tier", "op": "eq", "value": "gold" }, "next": "vip" } ],
                      "default": "plain" },
            "vip": { "type": "send", "channel": "mobile", "action": "vip", "next": "done" },
            "plain": { "type": "send", "channel": "mobile", "action": "plain", "next": "done" },
            "done": { "type": "end", "outcome": "success" } } }
        """;

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("""{ "attributes": { "tier": "gold" } }""", "vip")]
    [InlineData("""{ "attributes": { "tier": "silver" } }""", "plain")]
    public async Task Touchpoint_AfterAProfileChangeMidJourney_TheBranchSeesTheNewProfile(string change, string action)
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeployAsync("tiered", Journey);
        await harness.SendAsync("e1", "start", "c1");

        await harness.SendAsync("e2", "customer.updated", "c1", change);
        var go = await harness.SendAsync("e3", "go", "c1");

        Assert.NotNull(go.Customer);
        Assert.Equal([action], harness.SentActions);
        Assert.True(Assert.Single(harness.Instances.Values).IsCompleted);
    }

    [Fact]
    public void RaisedTouchpoint_BareTouchpointOfAnEarlierBuild_ReadsWithNoProfile()
    {
        var touchpoint = new Journeys.Touchpoint("e1", "go", "app", "c1", TestRuntime.T0, null);
        var json = System.Text.Json.JsonSerializer.Serialize(touchpoint, Web);

        var raised = System.Text.Json.JsonSerializer.Deserialize<RaisedTouchpoint>(json, Web)!;

        Assert.Equal(touchpoint, raised.ToTouchpoint());
        Assert.Null(raised.Customer);
    }
}
