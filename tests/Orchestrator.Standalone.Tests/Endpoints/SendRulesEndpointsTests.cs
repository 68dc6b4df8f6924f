using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

/// <summary>The send-time rules through the real host, on Azurite and a fake clock, with the default rules.</summary>
[Collection(StorageCollection.Name)]
public sealed class SendRulesEndpointsTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private RuntimeHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await fixture.StartAsync(azurite, setUp: async host =>
        {
            await TestJourneys.DeployAsync(host.Client, Journey("rules-reminder", "reminder.due", "send", """
                { "send": { "type": "send", "channel": "sms", "action": "reminder", "next": "done" },
                  "done": { "type": "end", "outcome": "success" } }
                """));
            await TestJourneys.DeployAsync(host.Client, Journey("rules-case", "case.opened", "wait", """
                { "wait": { "type": "waitFor", "events": [ { "event": "case.closed", "next": "done" } ] },
                  "done": { "type": "end", "outcome": "success" } }
                """));
            var offer = Journey("rules-offer", "offer.due", "wait", """
                { "wait": { "type": "delay", "duration": "P1D", "next": "send" },
                  "send": { "type": "send", "channel": "email", "action": "offer", "next": "done" },
                  "done": { "type": "end", "outcome": "success" } }
                """);
            offer["category"] = "marketing";
            offer["suppressWhileActive"] = new JsonArray("rules-case");
            await TestJourneys.DeployAsync(host.Client, offer);
        });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Touchpoint_SmsAtNightInCustomersZone_DeferredThenSentByTimerWhenQuietHoursEnd()
    {
        const string Customer = "cust-quiet";
        var now = _host.TestClock.GetUtcNow();
        var night = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(22), TimeSpan.Zero);
        _host.TestClock.SetUtcNow(night);

        await _host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("rem-1", "reminder.due", Customer, new JsonObject { ["timeZone"] = "UTC" })));

        var deferred = await Eventually.WaitAsync(
            () => WithheldAsync(Customer),
            w => w.Count == 1,
            "the SMS to be recorded as deferred in the timeline");
        Assert.Equal("deferred", deferred[0].Text("verdict"));
        Assert.Equal(night.AddHours(10), deferred[0].GetProperty("deferredUntil").GetDateTimeOffset());
        Assert.Empty((await ActionsQueue.DrainAsync(_host.Queue("actions"))).For(Customer));

        _host.TestClock.Advance(TimeSpan.FromHours(10));

        var sent = await Eventually.WaitAsync(
            async () => (await ActionsQueue.DrainAsync(_host.Queue("actions"))).For(Customer),
            a => a.Count == 1,
            "the deferred SMS to be sent when quiet hours end");
        Assert.Equal(deferred[0].Text("idempotencyKey"), sent[0].Text("idempotencyKey"));
        var timeline = await _host.Client.GetJsonAsync($"/api/customers/{Customer}/timeline");
        Assert.Contains(timeline.Body.EnumerateArray(), e => e.Text("kind") == "wakeUp"
            && e.GetProperty("notes").EnumerateArray().Any(n => n.GetString()!.Contains("deferred actions released", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WakeUp_SuppressingJourneyActive_SendSkippedAndShownInTimeline()
    {
        const string Customer = "cust-suppressed";
        await _host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("offer-1", "offer.due", Customer)));
        await _host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("case-1", "case.opened", Customer)));

        _host.TestClock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var withheld = await Eventually.WaitAsync(
            () => WithheldAsync(Customer),
            w => w.Count == 1,
            "the offer's email to be recorded as suppressed in the timeline");
        Assert.Equal(("suppressed", "rules-offer"), (withheld[0].Text("verdict"), withheld[0].Text("journeyId")));
        Assert.Contains("'rules-case' is active", withheld[0].Text("reason"), StringComparison.Ordinal);
        var status = await _host.Client.GetStatusAsync($"rules-offer:{Customer}:offer-1");
        Assert.Equal(HttpStatusCode.OK, status.Status);
        Assert.DoesNotContain((await ActionsQueue.DrainAsync(_host.Queue("actions"))).For(Customer), a => a.Text("journeyId") == "rules-offer");
    }

    private async Task<IReadOnlyList<JsonElement>> WithheldAsync(string customerId)
    {
        var timeline = await _host.Client.GetJsonAsync($"/api/customers/{customerId}/timeline");
        return timeline.Status != HttpStatusCode.OK
            ? []
            : [.. timeline.Body.EnumerateArray().Where(e => e.TryGetProperty("withheld", out _)).SelectMany(e => e.GetProperty("withheld").EnumerateArray())];
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
