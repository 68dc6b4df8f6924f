using System.Text.Json.Nodes;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Durable.Tests.Orchestration;

/// <summary>The orchestration loop taking a migration's order, on the fake Durable context.</summary>
public sealed class JourneyOrchestrationMigrationTests
{
    [Fact]
    public async Task MigrateOrder_WaitingInstance_RecordsTheMoveAndContinuesAsNewOnVersion2KeepingTheTimeWaited()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await harness.SendAsync("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1"));
        await harness.Runtime.DeployAsync(SampleJourneys.BillPayment, Version2());
        var instance = Assert.Single(harness.Instances.Values);
        harness.AdvanceTo(TestRuntime.T0.AddDays(1));

        instance.Raise(JourneyOrchestrationNames.MigrateEvent, new MigrationOrder("m-1", 1, 2, "wait-payment", null, null));

        Assert.Equal(2, instance.Generations[^1].Version);
        Assert.Equal(("wait-payment", TestRuntime.T0.AddDays(5)), (instance.CustomStatus!.Step, instance.CustomStatus.WakeUpAt));
        var record = await harness.Runtime.InstanceAsync("c1", instance.InstanceId);
        Assert.Equal((2, "wait-payment"), (record.State.Version, record.State.CurrentStep));
        Assert.Single(await harness.Runtime.TimelineAsync("c1"), e => e.Kind == "migrate");

        // v1 would remind on day 3; v2 waits five days from the same start.
        harness.AdvanceTo(TestRuntime.T0.AddDays(4));
        Assert.DoesNotContain("payment-reminder", harness.SentActions);
        harness.AdvanceTo(TestRuntime.T0.AddDays(5));
        Assert.Contains("payment-reminder", harness.SentActions);
    }

    [Fact]
    public async Task MigrateOrder_Repeated_IsAppliedOnce()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await harness.SendAsync("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1"));
        await harness.Runtime.DeployAsync(SampleJourneys.BillPayment, Version2());
        var instance = Assert.Single(harness.Instances.Values);
        var order = new MigrationOrder("m-1", 1, 2, "wait-payment", null, null);

        instance.Raise(JourneyOrchestrationNames.MigrateEvent, order);
        instance.Raise(JourneyOrchestrationNames.MigrateEvent, order);

        Assert.Single(await harness.Runtime.TimelineAsync("c1"), e => e.Kind == "migrate");
        Assert.Equal(2, instance.Generations[^1].Version);
        Assert.False(instance.IsCompleted);
    }

    [Fact]
    public async Task MigrateOrder_ToEnd_EndsTheInstanceWithTheOutcomeOnItsVersion()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await harness.SendAsync("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1"));
        var instance = Assert.Single(harness.Instances.Values);

        instance.Raise(JourneyOrchestrationNames.MigrateEvent, new MigrationOrder("m-1", 1, 2, null, JourneyOutcome.Neutral, "migrated-out"));

        Assert.True(instance.IsCompleted);
        Assert.Equal(("neutral", "migrated-out"), (instance.Output!.Outcome, instance.Output.Reason));
        var record = await harness.Runtime.InstanceAsync("c1", instance.InstanceId);
        Assert.Equal((1, JourneyOutcome.Neutral), (record.State.Version, record.State.Outcome));
    }

    // wait-pay becomes wait-payment, with five days instead of three.
    private static string Version2()
    {
        var definition = JsonNode.Parse(SampleJourneys.SampleJson(SampleJourneys.BillPayment))!.AsObject();
        var steps = definition["steps"]!.AsObject();
        var wait = steps["wait-pay"]!.DeepClone();
        wait["timeout"] = "P5D";
        steps.Remove("wait-pay");
        steps["wait-payment"] = wait;
        steps["pay-link"]!["next"] = "wait-payment";
        return definition.ToJsonString();
    }
}
