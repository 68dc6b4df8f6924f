using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Application.Analytics;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Instances;
using Orchestrator.Durable.Ingress;
using Orchestrator.Durable.Operations;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Testing;
using Orchestrator.Durable.Testing.Hosting;
using Orchestrator.Durable.Testing.Journeys;
using Xunit.Abstractions;

namespace Orchestrator.Durable.Runtime.Tests.Journeys;

/// <summary>
/// The app's Durable route on the real runtime (Azure Storage backend on Azurite): its ingress handler, its journey
/// orchestrator through its adapter, its activities, its Table storage.
/// </summary>
public sealed class JourneyOrchestrationOnRuntimeTests(AzuriteFixture azurite, ITestOutputHelper output)
    : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public async Task Start_ThroughTheIngress_IsRecordedAndSendsItsFirstAction()
    {
        await using var app = await DurableJourneyApp.StartAsync(azurite.ConnectionString);
        await app.DeployAsync(JourneyEvents.Pinger);

        var settled = await app.PostAsync(JourneyEvents.CloudEvent("s1", "ping.start", "c1"));

        Assert.IsType<SettleDecision.Complete>(settled);
        var instanceId = JourneyEvents.InstanceId("pinger", "c1", "s1");
        await app.Runtime.Client.WaitUntilAsync(
            instanceId, state => Status(state)?.Step == "wait", Deadline, "to record its start and wait for a ping");
        var record = await app.Customers.GetInstanceAsync("c1", instanceId, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(InstanceRuntimeStatus.Running, record.RuntimeStatus);
        Assert.Equal("wait", record.State.CurrentStep);
        Assert.Equal(["hello"], app.Sink.Sent.Select(a => a.Action));
    }

    [Fact]
    public async Task Burst_WhileBusyAcrossContinueAsNew_AppliesEveryTouchpointOnce()
    {
        const int Pings = 45;
        await using var app = await DurableJourneyApp.StartAsync(azurite.ConnectionString);
        await app.DeployAsync(JourneyEvents.Pinger);
        await app.PostAsync(JourneyEvents.CloudEvent("s1", "ping.start", "c2"));
        var instanceId = JourneyEvents.InstanceId("pinger", "c2", "s1");
        await app.Runtime.Client.WaitUntilAsync(instanceId, state => Status(state)?.Step == "wait", Deadline, "to wait for pings");

        // Posted back to back: most arrive while the orchestration is in an activity, and two generations continue
        // as new with events still buffered, which the runtime drops.
        var watch = Stopwatch.StartNew();
        for (var n = 1; n <= Pings; n++)
        {
            Assert.IsType<SettleDecision.Complete>(await app.PostAsync(JourneyEvents.CloudEvent($"p{n:D2}", "ping", "c2", new JsonObject { ["n"] = n })));
        }

        await app.Runtime.Client.WaitUntilAsync(
            instanceId,
            state => Status(state) is { Generation: >= 2 } status && PongsSent(app) == Pings,
            Deadline,
            $"to answer all {Pings} pings across two generations (answered {PongsSent(app)})");
        output.WriteLine($"{Pings} pings answered in {watch.ElapsedMilliseconds} ms");

        var pongs = app.Sink.Sent.Where(a => a.Action == "pong").Select(a => a.Data!.Value.GetProperty("n").ToString()).ToList();
        Assert.Equal(Enumerable.Range(1, Pings).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), pongs.Order());
        var record = await app.Customers.GetInstanceAsync("c2", instanceId, CancellationToken.None);
        Assert.Empty(record!.Buffered);
        var applied = (await app.Customers.ReadTimelineAsync("c2", CancellationToken.None))
            .Where(e => e.Touchpoint?.Type == "ping" && e.Decisions.Count > 0)
            .Select(e => e.Touchpoint!.Id)
            .ToList();
        Assert.Equal(Pings, applied.Count);
        Assert.Equal(Pings, applied.Distinct().Count());

        // The activities' commits feed the same analytics as the standalone runtime's: one start, every pong once.
        await app.Services.GetRequiredService<AnalyticsAggregator>().FoldQueuedAsync(CancellationToken.None);
        var queries = app.Services.GetRequiredService<AnalyticsQueries>();
        var figures = await queries.GetAsync("pinger", version: null, new AnalyticsWindow(queries.Now.AddHours(-1), queries.Now.AddMinutes(1)), interval: null, CancellationToken.None);
        Assert.NotNull(figures);
        Assert.Equal(1, figures.Report.Totals.Started);
        Assert.Equal(Pings, figures.Report.Steps.Single(s => s.Step == "pong").Entered);
    }

    [Fact]
    public async Task VersionStop_TerminatesTheRunningOrchestrations()
    {
        await using var app = await DurableJourneyApp.StartAsync(azurite.ConnectionString);
        // A version of its own (an identical definition would answer with the active version, which other tests' instances run).
        var version = await app.DeployAsync(JourneyEvents.Pinger.Replace("\"name\": \"Pinger\"", "\"name\": \"Pinger to stop\"", StringComparison.Ordinal));
        await app.PostAsync(JourneyEvents.CloudEvent("s1", "ping.start", "c3"));
        var instanceId = JourneyEvents.InstanceId("pinger", "c3", "s1");
        await app.Runtime.Client.WaitUntilAsync(instanceId, state => Status(state)?.Step == "wait", Deadline, "to wait for pings");

        var change = await app.Services.GetRequiredService<VersionLifecycle>().StopAsync("pinger", version, CancellationToken.None);
        var terminated = await StoppedVersionOrchestrations.TerminateAsync(app.Runtime.Client, change with { StoppedInstances = [.. change.StoppedInstances, "never-started"] }, CancellationToken.None);

        Assert.Equal([instanceId], change.StoppedInstances);
        Assert.Equal(1, terminated);
        var state = await app.Runtime.Client.WaitForFinishAsync(instanceId, Deadline);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, state.RuntimeStatus);
        var record = await app.Customers.GetInstanceAsync("c3", instanceId, CancellationToken.None);
        Assert.Equal(InstanceRuntimeStatus.Completed, record!.RuntimeStatus);
    }

    private static int PongsSent(DurableJourneyApp app) => app.Sink.Sent.Count(a => a.Action == "pong");

    private static JourneyOrchestrationStatus? Status(OrchestrationMetadata state) =>
        state.SerializedCustomStatus is { Length: > 0 } json
            ? System.Text.Json.JsonSerializer.Deserialize<JourneyOrchestrationStatus>(json, Json)
            : null;
}
