using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

/// <summary>The customer's profile through the real host on Azurite: set by touchpoint and by PATCH, read by journeys and GET.</summary>
[Collection(StorageCollection.Name)]
public sealed class CustomerProfileEndpointsTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private RuntimeHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await fixture.StartAsync(azurite, setUp: async host =>
        {
            await TestJourneys.DeployAsync(host.Client, Journey("profile-welcome", "account.opened", "tier", """
                { "tier": { "type": "branch",
                            "cases": [ { "when": { "field": "customer.attributes.tier", "op": "eq", "value": "gold" }, "next": "vip" } ],
                            "default": "plain" },
                  "vip": { "type": "send", "channel": "mobile", "action": "vip-call", "data": { "locale": "{{customer.attributes.locale}}" }, "next": "done" },
                  "plain": { "type": "send", "channel": "email", "action": "welcome", "next": "done" },
                  "done": { "type": "end", "outcome": "success" } }
                """));
            await TestJourneys.DeployAsync(host.Client, Journey("profile-channels", "offer.ready", "offer", """
                { "offer": { "type": "send", "channels": ["email", "mobile", "web"], "action": "offer", "next": "done" },
                  "done": { "type": "end", "outcome": "success" } }
                """));
        });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Touchpoint_ProfileSetByCustomerUpdated_JourneyBranchesOnTheTierAndGetShowsIt()
    {
        const string Customer = "cust-profile-touch";
        await _host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("upd-1", "customer.updated", Customer,
            new JsonObject { ["attributes"] = new JsonObject { ["tier"] = "gold", ["locale"] = "fr-FR" }, ["consent"] = new JsonObject { ["sms"] = new JsonObject { ["status"] = "optOut" } } })));
        await _host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("open-1", "account.opened", Customer)));

        var sent = await Eventually.WaitAsync(
            async () => (await ActionsQueue.DrainAsync(_host.Queue("actions"))).For(Customer),
            a => a.Count == 1,
            "the VIP call to be sent, as the profile says gold");
        Assert.Equal(("mobile", "vip-call"), (sent[0].Text("channel"), sent[0].Text("action")));
        Assert.Equal("fr-FR", sent[0].Text("data", "locale"));

        var profile = await _host.Client.GetJsonAsync($"/api/customers/{Customer}");
        Assert.Equal(HttpStatusCode.OK, profile.Status);
        Assert.Equal("gold", profile.Body.Text("attributes", "tier"));
        Assert.Equal(("optOut", "tests"), (profile.Body.Text("consent", "sms", "status"), profile.Body.Text("consent", "sms", "source")));
        Assert.Equal(("account.opened", "tests"), (profile.Body.Text("facts", "lastTouchpointType"), profile.Body.Text("facts", "lastChannel")));
        var outcome = Assert.Single(profile.Body.GetProperty("facts").GetProperty("recentOutcomes").EnumerateArray());
        Assert.Equal(("profile-welcome", "success"), (outcome.Text("journeyId"), outcome.Text("outcome")));
    }

    [Fact]
    public async Task Patch_ProfileMergedThenNullRemovesTheTier_JourneyTakesTheDefault()
    {
        const string Customer = "cust-profile-patch";
        var first = await PatchAsync(Customer, """{ "attributes": { "tier": "gold", "locale": "de-DE" } }""");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("gold", first.Body.Text("attributes", "tier"));

        var second = await PatchAsync(Customer, """{ "attributes": { "tier": null } }""");

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Null(second.Body.Text("attributes", "tier"));
        Assert.Equal("de-DE", second.Body.Text("attributes", "locale"));
        await _host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("open-2", "account.opened", Customer)));
        var sent = await Eventually.WaitAsync(
            async () => (await ActionsQueue.DrainAsync(_host.Queue("actions"))).For(Customer),
            a => a.Count == 1,
            "the welcome email to be sent, as the tier was removed");
        Assert.Equal("email", sent[0].Text("channel"));
        var timeline = await _host.Client.GetJsonAsync($"/api/customers/{Customer}/timeline");
        Assert.Equal(2, timeline.Body.EnumerateArray().Count(e => e.Text("kind") == "profile"));
    }

    [Fact]
    public async Task Touchpoint_SendWithChannels_SkipsTheOptedOutChannelAndTheTimelineSaysWhy()
    {
        const string Customer = "cust-profile-channels";
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(Customer, """{ "consent": { "email": { "status": "optOut", "source": "preference-center" } } }""")).Status);

        await _host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("offer-1", "offer.ready", Customer)));

        var sent = await Eventually.WaitAsync(
            async () => (await ActionsQueue.DrainAsync(_host.Queue("actions"))).For(Customer),
            a => a.Count == 1,
            "the offer to be sent on the next channel after email");
        Assert.Equal("mobile", sent[0].Text("channel"));
        var timeline = await _host.Client.GetJsonAsync($"/api/customers/{Customer}/timeline");
        var skipped = Assert.Single(timeline.Body.EnumerateArray().SelectMany(e => e.GetProperty("skippedChannels").EnumerateArray()));
        Assert.Equal(("email", "noConsent", "mobile"), (skipped.Text("channel"), skipped.Text("verdict"), skipped.Text("usedInstead")));
        Assert.Equal("the customer opted out of email", skipped.Text("reason"));
    }

    [Theory]
    [InlineData("""{ "attributes": { "1tier": "x" } }""", "/attributes/1tier")]
    [InlineData("""{ "attributes": { "address": { "city": "Lyon" } } }""", "/attributes/address")]
    [InlineData("""{ "consent": { "email": { "status": "maybe" } } }""", "/consent/email/status")]
    [InlineData("""{ "tier": "gold" }""", "/tier")]
    public async Task Patch_BadChange_ProblemNamesThePointerAndNothingIsWritten(string body, string pointer)
    {
        var customer = $"cust-profile-bad-{pointer.Length}-{body.Length}";

        var answer = await PatchAsync(customer, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal([pointer], answer.Body.ErrorPlaces("pointer"));
        var profile = await _host.Client.GetJsonAsync($"/api/customers/{customer}");
        Assert.Empty(profile.Body.GetProperty("attributes").EnumerateObject());
    }

    private async Task<Api.Answer> PatchAsync(string customerId, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _host.Client.PatchAsync(new Uri($"/api/customers/{customerId}/profile", UriKind.Relative), content);
        return await Api.ReadAsync(response);
    }

    // A journey entered by `trigger` whose steps, starting at `start`, are given as JSON.
    private static JsonObject Journey(string id, string trigger, string start, string steps) => new()
    {
        ["id"] = id,
        ["name"] = id,
        ["category"] = "service",
        ["entry"] = new JsonObject { ["event"] = trigger, ["reentry"] = "always" },
        ["start"] = start,
        ["steps"] = JsonNode.Parse(steps),
    };
}
