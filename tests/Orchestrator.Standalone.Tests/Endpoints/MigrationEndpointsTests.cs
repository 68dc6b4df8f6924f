using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

/// <summary>
/// Migrations through HTTP on the real host and Azurite, moving three instances per batch. Each test deploys a journey
/// of its own: test-bill v1, then a v2 that renames <c>wait-pay</c> to <c>wait-payment</c> and adds a dispute path.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class MigrationEndpointsTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private static readonly RuntimeHostOptions Options = new()
    {
        Settings = new Dictionary<string, string> { ["Orchestrator:Migrations:BatchSize"] = "3" },
    };

    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = (await fixture.StartAsync(azurite, Options)).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Migrate_InstancesAtTwoSteps_DryRunCountsThemThenApplyMovesEachOnceAndTheyContinueOnVersion2()
    {
        const string journey = "mg-flow";
        using var v1 = await TestJourneys.DeployAsync(_client, TestJourneys.Read(TestJourneys.Bill, journey));
        await PostAsync(CloudEvents.Invoice("inv-a1", "cust-a1"));
        await PostAsync(CloudEvents.Invoice("inv-a2", "cust-a2"));
        await PostAsync(CloudEvents.Invoice("inv-b1", "cust-b1"));
        await PostAsync(CloudEvents.Event("fail-b1", "payment.failed", "cust-b1"));
        using var v2 = await TestJourneys.DeployAsync(_client, Version2(journey));
        var partial = new JsonObject { ["wait-pay"] = "wait-payment" };
        var full = new JsonObject { ["wait-pay"] = "wait-payment", ["wait-after-reminder"] = "wait-after-reminder" };

        var dryRun = await MigrateAsync(journey, partial, dryRun: true);
        var blocked = await MigrateAsync(journey, partial, dryRun: false);
        var invalid = await MigrateAsync(journey, new JsonObject { ["nope"] = "wait-payment", ["wait-pay"] = "gone" }, dryRun: true);
        var started = await MigrateAsync(journey, full, dryRun: false);

        Assert.Equal(HttpStatusCode.OK, dryRun.Status);
        Assert.Equal((3, 2, 1), (Int(dryRun.Body, "total"), Int(dryRun.Body, "moved"), Int(dryRun.Body, "blocked")));
        Assert.Equal(
            [("wait-after-reminder", 1, "Block", null), ("wait-pay", 2, "Move", "wait-payment")],
            dryRun.Body.GetProperty("steps").EnumerateArray().Select(s => (s.Text("step"), Int(s, "instances"), s.Text("action"), s.Text("target"))));
        Assert.Equal((HttpStatusCode.Conflict, "application/problem+json"), (blocked.Status, blocked.MediaType));
        Assert.Equal(1, blocked.Body.GetProperty("preview").GetProperty("blocked").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(["/steps/nope", "/steps/wait-pay"], invalid.Body.ErrorPlaces("pointer"));
        Assert.Equal(HttpStatusCode.Accepted, started.Status);

        var done = await CompletedAsync(journey, started.Body.Text("migration", "id")!);
        Assert.Equal(("Completed", 3, 3, 0), (done.Text("state"), Int(done, "total"), Int(done, "moved"), Int(done, "blocked")));
        var instance = Assert.Single((await _client.GetJsonAsync("/api/customers/cust-a1/journeys")).Body.EnumerateArray());
        Assert.Equal((2, "wait-payment"), (Int(instance, "version"), instance.Text("currentStep")));
        Assert.Single(await MigrateEntriesAsync("cust-a1"));

        // A touchpoint only v2 awaits now advances the moved instance on v2's graph.
        await PostAsync(CloudEvents.Event("dispute-a1", "payment.disputed", "cust-a1"));
        var after = Assert.Single((await _client.GetJsonAsync("/api/customers/cust-a1/journeys")).Body.EnumerateArray());
        Assert.Equal((2, "wait-after-reminder"), (Int(after, "version"), after.Text("currentStep")));

        var again = await MigrateAsync(journey, full, dryRun: false);
        var repeated = await CompletedAsync(journey, again.Body.Text("migration", "id")!);
        Assert.Equal(("Completed", 0, 0), (repeated.Text("state"), Int(repeated, "total"), Int(repeated, "moved")));
        foreach (var customer in new[] { "cust-a1", "cust-a2", "cust-b1" })
        {
            var entry = Assert.Single(await MigrateEntriesAsync(customer));
            Assert.Contains(entry.GetProperty("decisions").EnumerateArray(), d => d.Text("decision", "kind") == "migrated");
        }
    }

    [Fact]
    public async Task Migrate_WhileTouchpointsKeepArriving_LosesNoneAndMovesEveryInstanceOnce()
    {
        const string journey = "mg-load";
        const int customers = 12;
        using var v1 = await TestJourneys.DeployAsync(_client, TickJourney(journey, "wait", "ack"));
        var ids = Enumerable.Range(1, customers).Select(n => $"load-{n}").ToArray();
        foreach (var customer in ids)
        {
            await PostAsync(CloudEvents.Event($"start-{customer}", "session.started", customer));
        }

        using var v2 = await TestJourneys.DeployAsync(_client, TickJourney(journey, "wait-2", "ack-2"));

        // The ticks go on from before the migration starts until a whole round after it ends, one customer after another.
        var sent = new Dictionary<string, int>(StringComparer.Ordinal);
        var migrated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstTicks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ticking = Task.Run(async () =>
        {
            try
            {
                for (var round = 1; ; round++)
                {
                    var last = migrated.Task.IsCompleted;
                    foreach (var customer in ids)
                    {
                        var answer = await PostAsync(CloudEvents.Event($"tick-{customer}-{round}", "tick", customer));
                        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
                        sent[customer] = sent.GetValueOrDefault(customer) + 1;
                        firstTicks.TrySetResult();
                    }

                    if (last)
                    {
                        return;
                    }
                }
            }
            catch (Exception exception)
            {
                firstTicks.TrySetException(exception);
                throw;
            }
        });
        await firstTicks.Task;
        var started = await MigrateAsync(journey, new JsonObject { ["wait"] = "wait-2" }, dryRun: false);
        var done = await CompletedAsync(journey, started.Body.Text("migration", "id")!);
        migrated.SetResult();
        await ticking;

        Assert.Equal(("Completed", customers, 0), (done.Text("state"), Int(done, "moved"), Int(done, "failed")));
        var appliedAt = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var customer in ids)
        {
            var timeline = (await _client.GetJsonAsync($"/api/customers/{customer}/timeline")).Body.EnumerateArray().ToArray();
            var ticks = timeline.SelectMany(e => e.GetProperty("decisions").EnumerateArray())
                .Where(d => d.Text("decision", "kind") == "eventMatched" && d.Text("decision", "detail") == "tick")
                .ToArray();
            foreach (var tick in ticks)
            {
                appliedAt[tick.Text("decision", "step")!] = appliedAt.GetValueOrDefault(tick.Text("decision", "step")!) + 1;
            }

            Assert.True(sent[customer] == ticks.Length, $"{customer}: {sent[customer]} ticks sent, {ticks.Length} applied");
            Assert.Single(timeline, e => e.Text("kind") == "migrate");
            var instance = Assert.Single((await _client.GetJsonAsync($"/api/customers/{customer}/journeys")).Body.EnumerateArray());
            Assert.Equal((2, "wait-2"), (Int(instance, "version"), instance.Text("currentStep")));
        }

        // Ticks were applied on both versions: the migration ran while they arrived.
        Assert.True(appliedAt.GetValueOrDefault("wait") > 0 && appliedAt.GetValueOrDefault("wait-2") > 0, $"ticks applied by step: {string.Join(", ", appliedAt)}");
    }

    [Fact]
    public async Task Migrate_HostStoppedMidway_NextHostContinuesItToTheEndMovingEachInstanceOnce()
    {
        const string journey = "mg-crash";
        const int customers = 8;
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        string migrationId;
        var first = await RuntimeHost.StartAsync(azurite.ConnectionString, new RuntimeHostOptions
        {
            Prefix = prefix,
            Settings = new Dictionary<string, string>
            {
                ["Orchestrator:Migrations:BatchSize"] = "1",
                ["Orchestrator:Migrations:PauseBetweenBatches"] = "00:00:00.4",
            },
        });
        await using (first)
        {
            using var v1 = await TestJourneys.DeployAsync(first.Client, TestJourneys.Read(TestJourneys.Bill, journey));
            for (var n = 1; n <= customers; n++)
            {
                await first.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice($"inv-c{n}", $"cust-c{n}")));
            }

            using var v2 = await TestJourneys.DeployAsync(first.Client, Version2(journey));
            var started = await MigrateAsync(journey, new JsonObject { ["wait-pay"] = "wait-payment" }, dryRun: false, first.Client);
            migrationId = started.Body.Text("migration", "id")!;
            var midway = await Eventually.WaitAsync(
                () => first.Client.GetJsonAsync($"/api/journeys/{journey}/migrations/{migrationId}"),
                answer => Int(answer.Body, "moved") >= 1,
                "the migration to have moved an instance");
            Assert.Equal("Running", midway.Body.Text("state"));
        }

        await using var second = await RuntimeHost.StartAsync(azurite.ConnectionString, new RuntimeHostOptions { Prefix = prefix });
        var done = await CompletedAsync(journey, migrationId, second.Client);

        Assert.Equal(("Completed", customers, customers), (done.Text("state"), Int(done, "total"), Int(done, "moved")));
        for (var n = 1; n <= customers; n++)
        {
            var timeline = (await second.Client.GetJsonAsync($"/api/customers/cust-c{n}/timeline")).Body.EnumerateArray();
            Assert.Single(timeline, e => e.Text("kind") == "migrate");
            var instance = Assert.Single((await second.Client.GetJsonAsync($"/api/customers/cust-c{n}/journeys")).Body.EnumerateArray());
            Assert.Equal(2, Int(instance, "version"));
        }
    }

    [Theory]
    [InlineData("""{ "to": 2, "steps": {} }""", "/from")]
    [InlineData("""{ "from": 1, "to": 1, "steps": {} }""", "/to")]
    [InlineData("""{ "from": 1, "to": 2 }""", "/steps")]
    [InlineData("""{ "from": 1, "to": 2, "steps": { "a": 3 } }""", "/steps/a")]
    [InlineData("""{ "from": 1, "to": 2, "steps": {}, "unmapped": { "end": "vanished" } }""", "/unmapped/end")]
    [InlineData("""{ "from": 1, "to": 2, "steps": {}, "dryRun": "yes" }""", "/dryRun")]
    public async Task Migrate_BadRequest_Returns400NamingTheJsonPointer(string body, string pointer)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("/api/journeys/mg-bad/migrations", UriKind.Relative), content);
        var answer = await Api.ReadAsync(response);

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (answer.Status, answer.MediaType));
        Assert.Contains(pointer, answer.Body.ErrorPlaces("pointer"));
    }

    [Fact]
    public async Task GetMigration_Unknown_Returns404Problem()
    {
        var answer = await _client.GetJsonAsync("/api/journeys/mg-flow/migrations/no-such");

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (answer.Status, answer.MediaType));
    }

    private Task<Api.Answer> PostAsync(JsonObject cloudEvent) => _client.PostTouchpointsAsync(CloudEvents.Content(cloudEvent));

    private async Task<Api.Answer> MigrateAsync(string journey, JsonObject steps, bool dryRun, HttpClient? client = null)
    {
        var body = new JsonObject { ["from"] = 1, ["to"] = 2, ["steps"] = steps.DeepClone(), ["dryRun"] = dryRun };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await (client ?? _client).PostAsync(new Uri($"/api/journeys/{journey}/migrations", UriKind.Relative), content);
        return await Api.ReadAsync(response);
    }

    private async Task<JsonElement> CompletedAsync(string journey, string migrationId, HttpClient? client = null) =>
        (await Eventually.WaitAsync(
            () => (client ?? _client).GetJsonAsync($"/api/journeys/{journey}/migrations/{migrationId}"),
            answer => answer.Body.Text("state") is "Completed" or "Failed",
            $"migration {migrationId} to finish",
            TimeSpan.FromSeconds(60))).Body;

    private async Task<IReadOnlyList<JsonElement>> MigrateEntriesAsync(string customer) =>
        [.. (await _client.GetJsonAsync($"/api/customers/{customer}/timeline")).Body.EnumerateArray().Where(e => e.Text("kind") == "migrate")];

    private static int Int(JsonElement json, string name) => json.GetProperty(name).GetInt32();

    // v2 of test-bill: wait-pay becomes wait-payment, which also takes a dispute to the contact centre.
    private static JsonObject Version2(string journey)
    {
        var definition = TestJourneys.Read(TestJourneys.Bill, journey);
        var steps = definition["steps"]!.AsObject();
        var wait = steps["wait-pay"]!.DeepClone().AsObject();
        wait["events"]!.AsArray().Add(new JsonObject { ["event"] = "payment.disputed", ["next"] = "dispute" });
        steps.Remove("wait-pay");
        steps["wait-payment"] = wait;
        steps["pay-link"]!["next"] = "wait-payment";
        steps["dispute"] = new JsonObject { ["type"] = "send", ["channel"] = "contact-center", ["action"] = "dispute", ["next"] = "wait-after-reminder" };
        return definition;
    }

    // Every tick is acknowledged and the instance waits for the next one, so each applied tick shows as one event match.
    private static JsonObject TickJourney(string journey, string wait, string ack) => JsonNode.Parse(
        $$"""
        {
          "id": "{{journey}}", "name": "Ticks",
          "entry": { "event": "session.started" },
          "start": "{{wait}}",
          "steps": {
            "{{wait}}": { "type": "waitFor", "events": [ { "event": "tick", "next": "{{ack}}" } ] },
            "{{ack}}": { "type": "send", "channel": "web", "action": "ack", "next": "{{wait}}" }
          }
        }
        """)!.AsObject();
}
