using Orchestrator.Application.Instances;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Durable.Orchestration;

namespace Orchestrator.Durable.Tests.Orchestration;

/// <summary>
/// The Durable ingress commits a touchpoint's routing before it starts or raises anything, and orchestrations apply
/// every touchpoint routed to them once, whether or not its raised event arrives.
/// </summary>
public sealed class TouchpointAcceptanceTests
{
    [Fact]
    public async Task Start_AcceptedBeforeTheOrchestrationRuns_IsConfirmedByItsStartActivity()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        var plan = await harness.Router.AcceptAsync(TestEvents.Incoming("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1")), CancellationToken.None);
        var start = Assert.Single(plan.Starts);
        Assert.Equal(InstanceRuntimeStatus.Pending, (await harness.Runtime.InstanceAsync("c1", start.InstanceId)).RuntimeStatus);

        var context = harness.Wire(new FakeDurableContext(start.InstanceId, harness.Runtime.Clock));
        context.Start(start);

        var record = await harness.Runtime.InstanceAsync("c1", start.InstanceId);
        Assert.Equal(InstanceRuntimeStatus.Running, record.RuntimeStatus);
        Assert.Equal("wait-pay", record.State.CurrentStep);
        Assert.Equal(["invoice-ready", "payment-link"], harness.SentActions);
    }

    [Fact]
    public async Task Touchpoint_RightBehindAStartNotRunYet_IsRoutedToThePendingInstance()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        var first = await harness.Router.AcceptAsync(TestEvents.Incoming("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1")), CancellationToken.None);

        var paid = await harness.Router.AcceptAsync(TestEvents.Incoming("e2", "payment.completed", "c1"), CancellationToken.None);
        var again = await harness.Router.AcceptAsync(TestEvents.Incoming("e3", "invoice.issued", "c1", TestEvents.InvoiceData("e3")), CancellationToken.None);

        var instanceId = Assert.Single(first.Starts).InstanceId;
        Assert.Equal([instanceId], paid.Raises);
        Assert.Empty(again.Starts);
        Assert.Contains(again.Notes, n => n.Contains("entry refused", StringComparison.Ordinal));
        var context = harness.Wire(new FakeDurableContext(instanceId, harness.Runtime.Clock));
        context.Raise(JourneyOrchestrationNames.TouchpointEvent, paid.Touchpoint);
        context.Start(Assert.Single(first.Starts));
        Assert.Equal("success", context.Output?.Outcome);
    }

    [Fact]
    public async Task Redelivery_OfATouchpointWhoseStartWasNeverScheduled_StartsItAgain()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        var first = await harness.Router.AcceptAsync(TestEvents.Incoming("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1")), CancellationToken.None);

        var redelivered = await harness.Router.AcceptAsync(TestEvents.Incoming("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1")), CancellationToken.None);

        Assert.True(redelivered.Redelivery);
        Assert.Equal(Assert.Single(first.Starts), Assert.Single(redelivered.Starts), JourneyInputComparer.Instance);
    }

    [Fact]
    public async Task Redelivery_OfATouchpointNotYetApplied_RaisesItAgain()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeployAsync("pinger", SampleJourneys.PingerJson);
        await harness.SendAsync("s", "ping.start", "c1");
        var instance = Assert.Single(harness.Instances.Values);
        await harness.SendAsync("p1", "ping", "c1", """{ "n": 1 }""", raise: false);

        var redelivered = await harness.SendAsync("p1", "ping", "c1", """{ "n": 1 }""");

        Assert.True(redelivered.Redelivery);
        Assert.Equal([instance.InstanceId], redelivered.Raises);
        Assert.Equal(["pong"], harness.SentActions);
        Assert.Empty((await harness.Runtime.InstanceAsync("c1", instance.InstanceId)).Buffered);
    }

    [Fact]
    public async Task RaisedEvent_LostByTheRuntime_IsAppliedOnceInTheNextGeneration()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeployAsync("pinger", SampleJourneys.PingerJson);
        await harness.SendAsync("s", "ping.start", "c1");
        var instance = Assert.Single(harness.Instances.Values);

        await harness.SendAsync("lost", "ping", "c1", """{ "n": 0 }""", raise: false);
        for (var n = 1; n <= JourneyOrchestration.MaxInputsPerGeneration; n++)
        {
            await harness.SendAsync($"p{n}", "ping", "c1", $$"""{ "n": {{n}} }""");
        }

        // The lost one is applied when the second generation starts, after the twenty that arrived.
        Assert.Equal(JourneyOrchestration.MaxInputsPerGeneration + 1, harness.SentActions.Count());
        Assert.Equal(2, instance.Generations.Count);
        var record = await harness.Runtime.InstanceAsync("c1", instance.InstanceId);
        Assert.Empty(record.Buffered);
        var lostApplied = (await harness.Runtime.TimelineAsync("c1")).Count(e => e.Touchpoint?.Id == "lost" && e.Decisions.Count > 0);
        Assert.Equal(1, lostApplied);
    }

    [Fact]
    public async Task RaisedEvent_LostBeforeATimeout_IsAppliedBeforeTheTimeoutActs()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await harness.SendAsync("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1"));
        var instance = Assert.Single(harness.Instances.Values);
        await harness.SendAsync("e2", "payment.completed", "c1", raise: false);
        Assert.False(instance.IsCompleted);

        harness.AdvanceTo(TestRuntime.T0.AddDays(3));

        Assert.True(instance.IsCompleted);
        Assert.Equal("success", instance.Output!.Outcome);
        Assert.Equal(["invoice-ready", "payment-link"], harness.SentActions);
    }

    private sealed class JourneyInputComparer : IEqualityComparer<JourneyOrchestrationInput>
    {
        public static readonly JourneyInputComparer Instance = new();

        public bool Equals(JourneyOrchestrationInput? x, JourneyOrchestrationInput? y) =>
            x is not null && y is not null && x.InstanceId == y.InstanceId && x.JourneyId == y.JourneyId && x.Version == y.Version
            && x.CustomerId == y.CustomerId && x.Trigger?.Id == y.Trigger?.Id && x.Trigger?.Time == y.Trigger?.Time && x.Generation == y.Generation;

        public int GetHashCode(JourneyOrchestrationInput obj) => obj.InstanceId.GetHashCode(StringComparison.Ordinal);
    }
}
