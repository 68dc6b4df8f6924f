using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Durable.Tests.Orchestration;

/// <summary>An activity runs at least once: a retry after a failed send, or after a crash past its commit, loses no action.</summary>
public sealed class ActivityRetryTests
{
    [Fact]
    public async Task RecordTransition_SendFails_FailsAndItsRetrySendsTheActionOnce()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeployAsync("pinger", SampleJourneys.PingerJson);
        await harness.SendAsync("s", "ping.start", "c1");
        var request = await PingAsync(harness, "p1");
        harness.Runtime.Sink.FailAfter = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Activities.RecordTransitionAsync(request, CancellationToken.None));
        harness.Runtime.Sink.FailAfter = null;
        var retried = await harness.Activities.RecordTransitionAsync(request, CancellationToken.None);

        Assert.Equal(1, retried.Resent);
        Assert.Equal(["pong"], harness.SentActions);
    }

    [Fact]
    public async Task RecordTransition_RetriedAfterACrashPastItsCommit_SendsWhatTheOutboxStillHolds()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeployAsync("pinger", SampleJourneys.PingerJson);
        await harness.SendAsync("s", "ping.start", "c1");
        var request = await PingAsync(harness, "p1");
        harness.Runtime.Sink.FailAfter = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Activities.RecordTransitionAsync(request, CancellationToken.None));
        harness.Runtime.Sink.FailAfter = null;

        // Another process takes the retry: it knows nothing of what the first one sent.
        var other = OtherProcess(harness.Runtime);
        var retried = await other.RecordTransitionAsync(request, CancellationToken.None);
        var again = await other.RecordTransitionAsync(request, CancellationToken.None);

        Assert.Equal(1, retried.Resent);
        Assert.Equal(0, again.Resent);
        Assert.Equal(["pong"], harness.SentActions);
    }

    private static JourneyActivities OtherProcess(TestRuntime runtime)
    {
        var dispatcher = new ActionDispatcher(runtime.Sink, runtime.Customers, runtime.Clock, NullLogger<ActionDispatcher>.Instance);
        var processor = new CustomerProcessor(
            runtime.Customers, runtime.Directory, runtime.Timers, runtime.Poison, runtime.Catalog, dispatcher, runtime.Clock, runtime.Options,
            NullLogger<CustomerProcessor>.Instance);
        return new JourneyActivities(processor, dispatcher, runtime.Customers, runtime.DefinitionStore, runtime.Catalog);
    }

    private static async Task<TransitionRequest> PingAsync(DurableHarness harness, string id)
    {
        var instance = Assert.Single(harness.Instances.Values);
        var record = await harness.Runtime.InstanceAsync("c1", instance.InstanceId);
        var ping = TestEvents.Of(id, "ping", "c1", """{ "n": 1 }""");
        var definition = await harness.Runtime.Catalog.GetAsync("pinger", 1, CancellationToken.None) ?? throw new InvalidOperationException();
        var transition = JourneyEngine.Apply(definition, record.State, new TouchpointReceived(ping), harness.Runtime.Clock.GetUtcNow());
        return new TransitionRequest(transition, "touchpoint", ping, Started: false, [id]);
    }
}
