using Orchestrator.Application;
using Orchestrator.Application.Instances;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Application.Rules;
using Orchestrator.Application.Tests.Support;

namespace Orchestrator.Durable.Tests.Orchestration;

public sealed class JourneyOrchestrationTests
{
    [Fact]
    public async Task Start_SendsFirstActionRecordsInstanceAndWaitsForTouchpointOrTimeout()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);

        var plan = await harness.SendAsync("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1"));

        var instance = Assert.Single(harness.Instances.Values);
        Assert.Equal(Assert.Single(plan.Starts).InstanceId, instance.InstanceId);
        Assert.Equal(["invoice-ready", "payment-link"], harness.SentActions);
        Assert.Equal(1, instance.PendingWaits);
        Assert.Equal(1, instance.PendingTimers);
        var status = instance.CustomStatus!;
        Assert.Equal("wait-pay", status.Step);
        Assert.Contains("payment.completed", status.AwaitedEvents);
        Assert.Equal(TestRuntime.T0.AddDays(3), status.WakeUpAt);
        var record = await harness.Runtime.InstanceAsync("c1", instance.InstanceId);
        Assert.Equal(InstanceRuntimeStatus.Running, record.RuntimeStatus);
        Assert.Equal("wait-pay", record.State.CurrentStep);
    }

    [Fact]
    public async Task Touchpoint_RoutedToWaitingInstance_CompletesItAndCancelsItsTimer()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await harness.SendAsync("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1"));

        var plan = await harness.SendAsync("e2", "payment.completed", "c1");

        var instance = Assert.Single(harness.Instances.Values);
        Assert.Equal([instance.InstanceId], plan.Raises);
        Assert.True(instance.IsCompleted);
        Assert.Equal("success", instance.Output!.Outcome);
        Assert.Equal(0, instance.PendingTimers);
        Assert.Equal(0, instance.PendingWaits);
        var record = await harness.Runtime.InstanceAsync("c1", instance.InstanceId);
        Assert.Equal(InstanceRuntimeStatus.Completed, record.RuntimeStatus);
    }

    [Fact]
    public async Task Timer_WinsTheRace_RemindsAndWaitsAgain()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await harness.SendAsync("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1"));

        harness.AdvanceTo(TestRuntime.T0.AddDays(3));

        var instance = Assert.Single(harness.Instances.Values);
        Assert.Equal(["invoice-ready", "payment-link", "payment-reminder"], harness.SentActions);
        Assert.False(instance.IsCompleted);
        Assert.Equal(1, instance.PendingWaits);
        Assert.Equal(1, instance.PendingTimers);
        Assert.Equal(TestRuntime.T0.AddDays(7), instance.CustomStatus!.WakeUpAt);
    }

    [Fact]
    public async Task Event_RaisedBeforeTheOrchestrationWaits_IsBufferedAndDelivered()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        var plan = await harness.Router.AcceptAsync(TestEvents.Incoming("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1")), CancellationToken.None);
        var start = Assert.Single(plan.Starts);
        var context = harness.Wire(new FakeDurableContext(start.InstanceId, harness.Runtime.Clock));
        var paid = await harness.Router.AcceptAsync(TestEvents.Incoming("e2", "payment.completed", "c1"), CancellationToken.None);

        context.Raise(JourneyOrchestrationNames.TouchpointEvent, paid.Touchpoint);
        context.Start(start);

        Assert.True(context.IsCompleted);
        Assert.Equal("success", context.Output!.Outcome);
    }

    [Fact]
    public async Task Touchpoint_DeliveredTwice_IsAppliedOnce()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeployAsync("pinger", SampleJourneys.PingerJson);
        await harness.SendAsync("s", "ping.start", "c1");
        var instance = Assert.Single(harness.Instances.Values);
        var ping = await harness.Router.AcceptAsync(TestEvents.Incoming("p1", "ping", "c1", """{ "n": 1 }"""), CancellationToken.None);

        instance.Raise(JourneyOrchestrationNames.TouchpointEvent, ping.Touchpoint);
        instance.Raise(JourneyOrchestrationNames.TouchpointEvent, ping.Touchpoint);

        Assert.Equal(["pong"], harness.SentActions);
        Assert.Equal(1, instance.PendingWaits);
    }

    [Fact]
    public async Task ManyInputs_ContinueAsNewWithState_KeepingUnprocessedEvents()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeployAsync("pinger", SampleJourneys.PingerJson);
        await harness.SendAsync("s", "ping.start", "c1");
        var instance = Assert.Single(harness.Instances.Values);
        var count = (JourneyOrchestration.MaxInputsPerGeneration * 2) + 5;

        for (var n = 1; n <= count; n++)
        {
            await harness.SendAsync($"p{n}", "ping", "c1", $$"""{ "n": {{n}} }""");
        }

        Assert.Equal(Enumerable.Repeat("pong", count), harness.SentActions);
        Assert.Equal(3, instance.Generations.Count);
        Assert.Equal([0, 1, 2], instance.Generations.Select(g => g.Generation));
        Assert.All(instance.Generations.Skip(1), g => Assert.NotNull(g.State));
        Assert.Equal(2, instance.CustomStatus!.Generation);
        var record = await harness.Runtime.InstanceAsync("c1", instance.InstanceId);
        Assert.Equal(InstanceRuntimeStatus.Running, record.RuntimeStatus);
    }

    [Fact]
    public async Task QuietHours_DeferTheSend_UntilADurableTimerReleasesIt()
    {
        using var harness = new DurableHarness(new ApplicationOptions());
        await harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        var evening = TestRuntime.T0.Date.AddHours(22);
        harness.Runtime.Clock.SetUtcNow(new DateTimeOffset(evening, TimeSpan.Zero));
        await harness.SendAsync("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1"));
        var instance = Assert.Single(harness.Instances.Values);

        harness.AdvanceTo(new DateTimeOffset(evening.AddDays(3), TimeSpan.Zero));

        Assert.Equal(["invoice-ready", "payment-link"], harness.SentActions);
        var morning = new DateTimeOffset(evening.AddDays(4).Date.AddHours(8), TimeSpan.Zero);
        Assert.Equal(morning, instance.CustomStatus!.DeferredDueAt);
        var withheld = (await harness.Runtime.TimelineAsync("c1")).SelectMany(e => e.Withheld).Single();
        Assert.Equal(SendVerdictKind.Deferred, withheld.Verdict);

        harness.AdvanceTo(morning);

        Assert.Equal(["invoice-ready", "payment-link", "payment-reminder"], harness.SentActions);
        Assert.Equal(withheld.IdempotencyKey, harness.Runtime.SentActions.Sent[^1].IdempotencyKey);
        Assert.Null(instance.CustomStatus!.DeferredDueAt);
        Assert.Equal(1, instance.PendingTimers);
    }

    [Fact]
    public async Task Router_RedeliveredTouchpointWhoseWorkIsDone_PlansNothingMore()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await harness.SendAsync("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1"));

        var again = await harness.Router.AcceptAsync(TestEvents.Incoming("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1")), CancellationToken.None);

        Assert.True(again.Redelivery);
        Assert.Empty(again.Starts);
        Assert.Empty(again.Raises);
    }

    [Fact]
    public async Task Activity_RetriedAfterItsCommit_WritesNothingMore()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeployAsync("pinger", SampleJourneys.PingerJson);
        await harness.SendAsync("s", "ping.start", "c1");
        var instance = Assert.Single(harness.Instances.Values);
        var record = await harness.Runtime.InstanceAsync("c1", instance.InstanceId);
        var ping = TestEvents.Of("p1", "ping", "c1", """{ "n": 1 }""");
        var transition = Journeys.Engine.JourneyEngine.Apply(
            await harness.Runtime.Catalog.GetAsync("pinger", 1, CancellationToken.None) ?? throw new InvalidOperationException(),
            record.State, new Journeys.Engine.TouchpointReceived(ping), harness.Runtime.Clock.GetUtcNow());
        var request = new TransitionRequest(
            transition, "touchpoint", null, Started: false, Applied: ["p1"]);

        var first = await harness.Activities.RecordTransitionAsync(request, CancellationToken.None);
        var second = await harness.Activities.RecordTransitionAsync(request, CancellationToken.None);

        Assert.Single(first.Sent);
        Assert.Empty(second.Sent);
        Assert.Equal(["pong"], harness.SentActions);
    }
}
