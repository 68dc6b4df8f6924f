using Orchestrator.Application.Definitions;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Application.Tests.Definitions;

public sealed class VersionLifecycleTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TestRuntime _runtime = new();
    private readonly VersionLifecycle _lifecycle;

    public VersionLifecycleTests()
    {
        _lifecycle = new VersionLifecycle(_runtime.DefinitionStore, _runtime.Catalog, _runtime.Directory, _runtime.Customers, _runtime.Processor);
    }

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task DrainAsync_ActiveVersion_RefusesNewEntriesAndRunningInstanceCompletes()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("inv-1", "cust-1"));

        var drained = await _lifecycle.DrainAsync(SampleJourneys.BillPayment, 1, None);
        await _runtime.ApplyAsync(TestEvents.Invoice("inv-2", "cust-2"));
        await _runtime.ApplyAsync(TestEvents.Of("paid-1", "payment.completed", "cust-1", """{ "invoiceId": "inv-inv-1", "amount": 120 }"""));

        Assert.Equal((VersionChangeKind.Changed, VersionStatus.Draining), (drained.Kind, drained.Version?.Status));
        Assert.Empty(await _runtime.Store.ListInstancesAsync("cust-2", None));
        var instance = Assert.Single(await _runtime.Store.ListInstancesAsync("cust-1", None));
        Assert.Equal((InstanceRuntimeStatus.Completed, JourneyOutcome.Success), (instance.RuntimeStatus, instance.State.Outcome));
    }

    [Fact]
    public async Task StopAsync_RunningInstances_EndWithOutcomeStoppedOnceAndRefuseNewEntries()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("inv-1", "cust-1"));
        await _runtime.ApplyAsync(TestEvents.Invoice("inv-2", "cust-2"));

        var first = await _lifecycle.StopAsync(SampleJourneys.BillPayment, 1, None);
        var again = await _lifecycle.StopAsync(SampleJourneys.BillPayment, 1, None);
        await _runtime.ApplyAsync(TestEvents.Invoice("inv-3", "cust-3"));

        Assert.Equal((VersionChangeKind.Changed, VersionStatus.Stopped, 2), (first.Kind, first.Version?.Status, first.Stopped));
        Assert.Equal((VersionChangeKind.Changed, 0), (again.Kind, again.Stopped));
        foreach (var customer in new[] { "cust-1", "cust-2" })
        {
            var instance = Assert.Single(await _runtime.Store.ListInstancesAsync(customer, None));
            Assert.Equal((InstanceRuntimeStatus.Completed, JourneyOutcome.Stopped), (instance.RuntimeStatus, instance.State.Outcome));
        }

        Assert.Empty(await _runtime.Store.ListInstancesAsync("cust-3", None));
    }

    [Fact]
    public async Task DrainAsync_StoppedVersion_IsNotAllowed()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _lifecycle.StopAsync(SampleJourneys.BillPayment, 1, None);

        var drained = await _lifecycle.DrainAsync(SampleJourneys.BillPayment, 1, None);

        Assert.Equal(VersionChangeKind.NotAllowed, drained.Kind);
        Assert.Contains("stopped", drained.Refusal, StringComparison.Ordinal);
        Assert.Equal(VersionStatus.Stopped, (await _runtime.DefinitionStore.GetAsync(SampleJourneys.BillPayment, 1, None))?.Status);
    }

    [Fact]
    public async Task DrainAndStop_UnknownVersion_NotFound()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);

        Assert.Equal(VersionChangeKind.NotFound, (await _lifecycle.DrainAsync(SampleJourneys.BillPayment, 2, None)).Kind);
        Assert.Equal(VersionChangeKind.NotFound, (await _lifecycle.StopAsync("unknown", 1, None)).Kind);
    }

    [Fact]
    public async Task DeployAsync_AfterDrain_NewVersionTakesEntries()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _lifecycle.DrainAsync(SampleJourneys.BillPayment, 1, None);

        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        var result = await _runtime.ApplyAsync(TestEvents.Invoice("inv-1", "cust-1"));

        Assert.Equal(ProcessStatus.Applied, result.Status);
        Assert.Equal(2, Assert.Single(await _runtime.Store.ListInstancesAsync("cust-1", None)).State.Version);
        Assert.Equal(VersionStatus.Draining, (await _runtime.DefinitionStore.GetAsync(SampleJourneys.BillPayment, 1, None))?.Status);
    }

    [Fact]
    public async Task GetAsync_RunningAndCompletedInstances_CountsThemByStep()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("inv-1", "cust-1"));
        await _runtime.ApplyAsync(TestEvents.Invoice("inv-2", "cust-2"));
        await _runtime.ApplyAsync(TestEvents.Invoice("inv-3", "cust-3"));
        await _runtime.ApplyAsync(TestEvents.Of("paid-3", "payment.completed", "cust-3", """{ "invoiceId": "inv-inv-3", "amount": 120 }"""));

        var view = await _lifecycle.GetAsync(SampleJourneys.BillPayment, 1, None);

        Assert.NotNull(view);
        Assert.Equal(VersionStatus.Active, view.Definition.Status);
        Assert.Equal(2, view.Instances.Running);
        Assert.Equal(1, view.Instances.Completed);
        Assert.Equal(new Dictionary<string, int> { ["wait-pay"] = 2 }, view.Instances.ByStep);
        Assert.Null(await _lifecycle.GetAsync(SampleJourneys.BillPayment, 2, None));
    }
}
