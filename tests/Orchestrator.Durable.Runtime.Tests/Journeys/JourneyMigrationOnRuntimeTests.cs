using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Application.Migrations;
using Orchestrator.Application.Ports;
using Orchestrator.Durable.Operations;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Durable.Testing.Hosting;
using Orchestrator.Durable.Testing.Journeys;
using Orchestrator.Testing;

namespace Orchestrator.Durable.Runtime.Tests.Journeys;

/// <summary>
/// A migration of a running journey orchestration on the real runtime (Azure Storage backend on Azurite): the
/// orchestration takes the migration's order, records the move and continues as new on the new version's graph.
/// </summary>
public sealed class JourneyMigrationOnRuntimeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Journey = "pinger-moved";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public async Task Migrate_WaitingOrchestration_ContinuesOnVersion2AndAnswersWithItsActions()
    {
        await using var app = await DurableJourneyApp.StartAsync(azurite.ConnectionString);
        await app.DeployAsync(Pinger("wait", "pong"));
        await app.PostAsync(JourneyEvents.CloudEvent("s1", Journey + ".start", "m1"));
        var instanceId = JourneyEvents.InstanceId(Journey, "m1", "s1");
        await app.Runtime.Client.WaitUntilAsync(instanceId, state => Status(state)?.Step == "wait", Deadline, "to wait for pings on v1");
        await app.PostAsync(JourneyEvents.CloudEvent("p1", "ping", "m1", new JsonObject { ["n"] = 1 }));
        await app.Runtime.Client.WaitUntilAsync(instanceId, _ => app.Sink.Sent.Any(a => a.InstanceId == instanceId && a.Action == "pong"), Deadline, "to answer the first ping on v1");
        await app.DeployAsync(Pinger("wait-2", "pong-2"));
        var migrations = app.Services.GetRequiredService<MigrationService>();
        var mover = new DurableInstanceMover(app.Runtime.Client, app.Customers);

        var started = await migrations.StartAsync(new MigrationRequest(Journey, 1, 2, new Dictionary<string, string> { ["wait"] = "wait-2" }, null), CancellationToken.None);
        var done = await migrations.RunAsync(started.Migration!, CancellationToken.None, mover);

        Assert.Equal((MigrationState.Completed, 1, 1), (done!.State, done.Total, done.Moved));
        await app.Runtime.Client.WaitUntilAsync(
            instanceId, state => Status(state) is { Step: "wait-2", Generation: >= 1 }, Deadline, "to continue as new on v2 at wait-2");
        await app.PostAsync(JourneyEvents.CloudEvent("p2", "ping", "m1", new JsonObject { ["n"] = 2 }));
        await app.Runtime.Client.WaitUntilAsync(instanceId, _ => app.Sink.Sent.Any(a => a.InstanceId == instanceId && a.Action == "pong-2"), Deadline, "to answer the next ping with v2's action");

        Assert.Equal(["hello", "pong", "pong-2"], app.Sink.Sent.Where(a => a.InstanceId == instanceId).Select(a => a.Action));
        Assert.Equal(2, app.Sink.Sent.Single(a => a.Action == "pong-2").Version);
        var record = await app.Customers.GetInstanceAsync("m1", instanceId, CancellationToken.None);
        Assert.Equal((2, "wait-2"), (record!.State.Version, record.State.CurrentStep));
        var timeline = await app.Customers.ReadTimelineAsync("m1", CancellationToken.None);
        var move = Assert.Single(timeline, e => e.Kind == "migrate");
        Assert.Equal(("wait", "wait-2"), (move.Decisions[0].Decision.Step, move.Decisions[0].Decision.Next));
        Assert.Equal(2, (await app.Services.GetRequiredService<IInstanceDirectory>().FindAsync(instanceId, CancellationToken.None))!.Version);

        // Asked again, the migration finds nothing left on v1, and the orchestration moved once.
        var again = await migrations.StartAsync(new MigrationRequest(Journey, 1, 2, new Dictionary<string, string> { ["wait"] = "wait-2" }, null), CancellationToken.None);
        var repeated = await migrations.RunAsync(again.Migration!, CancellationToken.None, mover);
        Assert.Equal((0, 0), (repeated!.Total, repeated.Moved));
        Assert.Single(await app.Customers.ReadTimelineAsync("m1", CancellationToken.None), e => e.Kind == "migrate");
    }

    [Fact]
    public async Task MigrateOrder_ForAnotherVersion_IsIgnoredAndTheOrchestrationGoesOn()
    {
        await using var app = await DurableJourneyApp.StartAsync(azurite.ConnectionString);
        await app.DeployAsync(Pinger("wait", "pong", "pinger-stale-order"));
        await app.PostAsync(JourneyEvents.CloudEvent("s1", "pinger-stale-order.start", "m2"));
        var instanceId = JourneyEvents.InstanceId("pinger-stale-order", "m2", "s1");
        await app.Runtime.Client.WaitUntilAsync(instanceId, state => Status(state)?.Step == "wait", Deadline, "to wait for pings");
        var version = (await app.Customers.GetInstanceAsync("m2", instanceId, CancellationToken.None))!.State.Version;

        await app.Runtime.Client.RaiseEventAsync(instanceId, JourneyOrchestrationNames.MigrateEvent, new MigrationOrder("m-stale", version + 7, version + 8, "wait-2", null, null));
        await app.PostAsync(JourneyEvents.CloudEvent("p1", "ping", "m2", new JsonObject { ["n"] = 1 }));

        await app.Runtime.Client.WaitUntilAsync(
            instanceId, _ => app.Sink.Sent.Any(a => a.InstanceId == instanceId && a.Action == "pong"), Deadline, "to answer the ping on its own version");
        Assert.Equal(version, (await app.Customers.GetInstanceAsync("m2", instanceId, CancellationToken.None))!.State.Version);
    }

    private static string Pinger(string wait, string pong, string journey = Journey) => $$$"""
        { "id": "{{{journey}}}", "name": "Pinger",
          "entry": { "event": "{{{journey}}}.start", "reentry": "never" },
          "start": "hello",
          "steps": {
            "hello": { "type": "send", "channel": "test", "action": "hello", "next": "{{{wait}}}" },
            "{{{wait}}}": { "type": "waitFor", "events": [ { "event": "ping", "next": "{{{pong}}}" } ] },
            "{{{pong}}}": { "type": "send", "channel": "test", "action": "{{{pong}}}", "data": { "n": "{{event.data.n}}" }, "next": "{{{wait}}}" } } }
        """;

    private static JourneyOrchestrationStatus? Status(OrchestrationMetadata state) =>
        state.SerializedCustomStatus is { Length: > 0 } json
            ? System.Text.Json.JsonSerializer.Deserialize<JourneyOrchestrationStatus>(json, Json)
            : null;
}
