using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Durable.Runtime.Tests.Support;
using Orchestrator.Testing;
using Orchestrator.Durable.Testing.Hosting;
using Orchestrator.Durable.Testing.Storage;
using Xunit.Abstractions;

namespace Orchestrator.Durable.Runtime.Tests;

/// <summary>The host itself: it starts, runs orchestrations on Azurite, counts storage requests, shares Azurite, stops.</summary>
public sealed class DurableRuntimeHostTests(AzuriteFixture azurite, ITestOutputHelper output)
    : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StartAsync_SmallOrchestrations_CompleteAndReportLatency()
    {
        var start = Stopwatch.StartNew();
        var host = await DurableRuntimeHost.StartAsync(azurite.ConnectionString, GreetingOrchestration.Register);
        output.WriteLine($"host start: {start.ElapsedMilliseconds} ms");

        var latencies = new List<TimeSpan>();
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetingOrchestration.Name, $"run {run}");
            var final = await host.Client.WaitForFinishAsync(instanceId, Deadline);
            latencies.Add(watch.Elapsed);

            Assert.Equal(OrchestrationRuntimeStatus.Completed, final.RuntimeStatus);
            Assert.Equal($"Hello, run {run}", final.ReadOutputAs<string>());
        }

        var stop = Stopwatch.StartNew();
        await host.DisposeAsync();
        output.WriteLine(
            $"schedule -> completion observed: first {latencies[0].TotalMilliseconds:0} ms, then " +
            $"{string.Join(", ", latencies.Skip(1).Select(latency => $"{latency.TotalMilliseconds:0}"))} ms");
        output.WriteLine($"host dispose: {stop.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task StorageRequests_OneOrchestration_CountsQueueMessagesHistoryRowsAndTransactions()
    {
        await using var host = await DurableRuntimeHost.StartAsync(azurite.ConnectionString, GreetingOrchestration.Register);
        var counter = host.StorageRequests!;
        var before = counter.Snapshot();

        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetingOrchestration.Name, "counted");
        await host.Client.WaitForFinishAsync(instanceId, Deadline);
        var usage = counter.Snapshot().Since(before);

        output.WriteLine(usage.ToString());
        // Start, activity call, activity result: three messages through the queues, all sent before the completion
        // is visible. Each is received at least once: the backend may put a message back (UpdateMessage) and receive it
        // again, when it arrives before the history it follows is readable; deletes may trail the completion.
        Assert.Equal(1, usage.ItemsOf(StorageResource.WorkItemQueue, StorageOperation.Send));
        Assert.Equal(2, usage.ItemsOf(StorageResource.ControlQueue, StorageOperation.Send));
        Assert.True(usage.QueueMessagesReceived >= 3, $"expected each of the 3 messages received, counted {usage.QueueMessagesReceived} receipts");
        // Two episodes, each one history transaction of several rows (events and the sentinel row).
        Assert.True(usage.HistoryRowsWritten >= 6, $"expected at least 6 history rows written, counted {usage.HistoryRowsWritten}");
        Assert.True(usage.TableTransactions >= 2, $"expected at least 2 table transactions, counted {usage.TableTransactions}");
    }

    [Fact]
    public async Task StartAsync_TwoHostsOnOneAzurite_KeepTheirTaskHubsApart()
    {
        var starts = await Task.WhenAll(
            DurableRuntimeHost.StartAsync(azurite.ConnectionString, GreetingOrchestration.Register),
            DurableRuntimeHost.StartAsync(azurite.ConnectionString, GreetingOrchestration.Register));
        await using var first = starts[0];
        await using var second = starts[1];
        const string instanceId = "same-id-in-both-hubs";

        await Task.WhenAll(
            first.Client.ScheduleNewOrchestrationInstanceAsync(GreetingOrchestration.Name, "first", new StartOrchestrationOptions(instanceId)),
            second.Client.ScheduleNewOrchestrationInstanceAsync(GreetingOrchestration.Name, "second", new StartOrchestrationOptions(instanceId)));
        var finals = await Task.WhenAll(
            first.Client.WaitForFinishAsync(instanceId, Deadline),
            second.Client.WaitForFinishAsync(instanceId, Deadline));

        Assert.NotEqual(first.TaskHubName, second.TaskHubName);
        Assert.Equal("Hello, first", finals[0].ReadOutputAs<string>());
        Assert.Equal("Hello, second", finals[1].ReadOutputAs<string>());
    }

    [Fact]
    public async Task Services_RegisteredByTheCaller_AreResolvableFromTheHost()
    {
        var marker = new object();
        await using var host = await DurableRuntimeHost.StartAsync(
            azurite.ConnectionString, GreetingOrchestration.Register, services => services.AddKeyedSingleton("marker", marker));

        Assert.Same(marker, host.Services.GetRequiredKeyedService<object>("marker"));
    }

    [Fact]
    public async Task StartAsync_ConnectionStringWithoutBlobEndpoint_Throws()
    {
        const string tableAndQueueOnly =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;" +
            "TableEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:2/devstoreaccount1;";

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => DurableRuntimeHost.StartAsync(tableAndQueueOnly, GreetingOrchestration.Register));

        Assert.Contains("BlobEndpoint", error.Message, StringComparison.Ordinal);
    }
}
