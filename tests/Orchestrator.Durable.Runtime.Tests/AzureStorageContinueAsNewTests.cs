using System.Diagnostics;
using Orchestrator.Durable.Runtime.Tests.Support;
using Orchestrator.Testing;
using Orchestrator.Durable.Testing.Hosting;
using Xunit.Abstractions;

namespace Orchestrator.Durable.Runtime.Tests;

/// <summary>ContinueAsNew with preserved events on the real runtime over the Azure Storage backend (Azurite).</summary>
public sealed class AzureStorageContinueAsNewTests(AzuriteFixture azurite, ITestOutputHelper output)
    : IClassFixture<AzuriteFixture>
{
    private const int PerGeneration = 5;

    [Fact]
    public async Task ContinueAsNew_EventsOneAtATime_AllReceivedInOrderAcrossGenerations()
    {
        var gate = new ActivityGate();
        await using var host = await DurableRuntimeHost.StartAsync(azurite.ConnectionString, registry => EventLoopOrchestration.Register(registry, gate));
        var events = EventLoopOrchestration.Events(12);
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            EventLoopOrchestration.Name, EventLoopInput.Start(PerGeneration, holdFirst: false));

        var (received, latencies) = await EventLoopDriver.RaiseOneAtATimeAsync(host.Client, instanceId, events);

        Assert.Equal(events, received);
        var sorted = latencies.Order().ToList();
        output.WriteLine(
            $"raise -> handled over {latencies.Count} events, two ContinueAsNew: median {sorted[sorted.Count / 2].TotalMilliseconds:0} ms, " +
            $"max {sorted[^1].TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task ContinueAsNew_BurstWhileInActivity_RuntimeDropsPreservedEvents()
    {
        var gate = new ActivityGate();
        await using var host = await DurableRuntimeHost.StartAsync(azurite.ConnectionString, registry => EventLoopOrchestration.Register(registry, gate));
        var events = EventLoopOrchestration.Events(45);
        var watch = Stopwatch.StartNew();
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            EventLoopOrchestration.Name, EventLoopInput.Start(PerGeneration, holdFirst: true));

        var received = await EventLoopDriver.RaiseBurstDuringActivityAsync(host.Client, gate, instanceId, events);

        var lost = DroppedEvents.Describe(events, received, output, $"Azure Storage backend, {watch.Elapsed.TotalSeconds:0.0} s");
        DroppedEvents.AssertSomeDropped(events, received, lost);
    }
}
