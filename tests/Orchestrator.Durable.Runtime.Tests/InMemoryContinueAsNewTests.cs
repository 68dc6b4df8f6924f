using System.Diagnostics;
using Microsoft.DurableTask.Testing;
using Orchestrator.Durable.Runtime.Tests.Support;
using Xunit.Abstractions;

namespace Orchestrator.Durable.Runtime.Tests;

/// <summary>The same ContinueAsNew defect on the InProcessTestHost's own in-memory backend, for comparison.</summary>
public sealed class InMemoryContinueAsNewTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ContinueAsNew_BurstWhileInActivity_RuntimeDropsPreservedEvents()
    {
        var gate = new ActivityGate();
        await using var host = await DurableTaskTestHost.StartAsync(registry => EventLoopOrchestration.Register(registry, gate));
        var events = EventLoopOrchestration.Events(45);
        var watch = Stopwatch.StartNew();
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            EventLoopOrchestration.Name, EventLoopInput.Start(perGeneration: 5, holdFirst: true));

        var received = await EventLoopDriver.RaiseBurstDuringActivityAsync(host.Client, gate, instanceId, events);

        var lost = DroppedEvents.Describe(events, received, output, $"in-memory backend, {watch.Elapsed.TotalSeconds:0.0} s");
        DroppedEvents.AssertSomeDropped(events, received, lost);
    }
}
