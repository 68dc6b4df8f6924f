using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Migrations;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Application.Tests.Migrations;

/// <summary>
/// Migrations on the in-memory stores: bill-payment v1 with two instances waiting to pay and one waiting for a retry,
/// then v2, which renames <c>wait-pay</c> to <c>wait-payment</c> and gives it five days instead of three.
/// </summary>
public sealed class MigrationServiceTests : IDisposable
{
    private const string Journey = SampleJourneys.BillPayment;
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TestRuntime _runtime = new(new ApplicationOptions { Migrations = new MigrationOptions { BatchSize = 2 } });
    private readonly InMemoryMigrationStore _store = new();
    private readonly CustomerInstanceMover _mover;

    public MigrationServiceTests()
    {
        _mover = new CustomerInstanceMover(_runtime.Processor, _runtime.Catalog, _runtime.Directory, _runtime.Customers);
    }

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task PreviewAsync_StepsWithAndWithoutAMapping_CountsEachStepAndWhatBlocks()
    {
        await StartThreeOnVersion1Async();

        var preview = (await Service().PreviewAsync(Request(("wait-pay", "wait-payment")), None)).Preview;

        Assert.NotNull(preview);
        Assert.Equal((3, 2, 0, 1), (preview.Total, preview.Moved, preview.Ended, preview.Blocked));
        Assert.Equal(
            [
                new MigrationStepPreview("wait-pay", 2, MigrationAction.Move, "wait-payment"),
                new MigrationStepPreview("wait-retry", 1, MigrationAction.Block, null),
            ],
            preview.Steps);
    }

    [Fact]
    public async Task StartAsync_InstancesAtAnUnmappedStep_StartsNothingAndMovesNothing()
    {
        await StartThreeOnVersion1Async();

        var start = await Service().StartAsync(Request(("wait-pay", "wait-payment")), None);

        Assert.True(start.IsBlocked);
        Assert.Null(start.Migration);
        Assert.Empty(await _store.ListRunningAsync(None));
        Assert.All(await InstancesAsync(), i => Assert.Equal(1, i.State.Version));
    }

    [Fact]
    public async Task PreviewAsync_UnknownStepsAndVersion_NamesEachWithItsJsonPointer()
    {
        await StartThreeOnVersion1Async();

        var start = await Service().PreviewAsync(Request(("no-such", "wait-payment"), ("wait-retry", "gone")), None);
        var missing = await Service().PreviewAsync(Request(("wait-pay", "wait-payment")) with { To = 9 }, None);

        Assert.Null(start.Preview);
        Assert.Equal(
            [("/steps/no-such", "version 1 has no step 'no-such'"), ("/steps/wait-retry", "version 2 has no step 'gone'")],
            start.Errors.Select(e => (e.Pointer, e.Message)));
        Assert.Equal([("/to", "journey 'bill-payment' has no version 9")], missing.Errors.Select(e => (e.Pointer, e.Message)));
    }

    [Fact]
    public async Task RunAsync_EveryStepMapped_MovesEachInstanceOnceOnTheTimelineAndKeepsItsClock()
    {
        await StartThreeOnVersion1Async();
        var service = Service();
        _runtime.Clock.Advance(TimeSpan.FromDays(1));

        var start = await service.StartAsync(Request(("wait-pay", "wait-payment"), ("wait-retry", "wait-retry")), None);
        var done = await service.RunAsync(start.Migration!, None);

        Assert.Equal((MigrationState.Completed, 3, 3, 0, 0, 0), (done!.State, done.Total, done.Moved, done.Ended, done.Blocked, done.Failed));
        var instances = await InstancesAsync();
        Assert.All(instances, i => Assert.Equal(2, i.State.Version));
        var waiting = instances.Single(i => i.State.CustomerId == "cust-1").State;
        Assert.Equal(("wait-payment", TestRuntime.T0.AddDays(5)), (waiting.CurrentStep, waiting.WaitDeadline));
        var timeline = await _runtime.TimelineAsync("cust-1");
        var migrate = Assert.Single(timeline, e => e.Kind == CustomerInstanceMover.TimelineKind);
        Assert.Equal((DecisionKind.Migrated, "wait-pay", "wait-payment"), (migrate.Decisions[0].Decision.Kind, migrate.Decisions[0].Decision.Step, migrate.Decisions[0].Decision.Next));
        Assert.Equal(3, (await _runtime.Directory.ListByVersionAsync(Journey, 2, None)).Count);
        Assert.Empty(await _runtime.Directory.ListByVersionAsync(Journey, 1, None));
    }

    [Fact]
    public async Task StartAsync_Again_FindsNothingLeftAndMovesNothingTwice()
    {
        await StartThreeOnVersion1Async();
        var service = Service();
        var request = Request(("wait-pay", "wait-payment"), ("wait-retry", "wait-retry"));
        await service.RunAsync((await service.StartAsync(request, None)).Migration!, None);

        var again = await service.StartAsync(request, None);
        var done = await service.RunAsync(again.Migration!, None);

        Assert.Equal((MigrationState.Completed, 0, 0), (done!.State, done.Total, done.Moved));
        foreach (var customer in new[] { "cust-1", "cust-2", "cust-3" })
        {
            Assert.Single(await _runtime.TimelineAsync(customer), e => e.Kind == CustomerInstanceMover.TimelineKind);
        }
    }

    [Fact]
    public async Task RunAsync_UnmappedRule_EndsTheUnmappedInstancesWithItsOutcome()
    {
        await StartThreeOnVersion1Async();
        var service = Service();

        var start = await service.StartAsync(
            Request(("wait-pay", "wait-payment")) with { Unmapped = new UnmappedInstances(JourneyOutcome.Neutral, "migrated-out") }, None);
        var done = await service.RunAsync(start.Migration!, None);

        Assert.Equal((1, 2, 1), (start.Preview!.Ended, done!.Moved, done.Ended));
        var ended = (await InstancesAsync()).Single(i => i.State.CustomerId == "cust-3");
        Assert.Equal((InstanceRuntimeStatus.Completed, 1, JourneyOutcome.Neutral, "migrated-out"), (ended.RuntimeStatus, ended.State.Version, ended.State.Outcome, ended.State.Reason));
    }

    [Fact]
    public async Task RunAsync_ThenATouchpoint_AdvancesTheInstanceOnVersion2sGraph()
    {
        await StartThreeOnVersion1Async();
        var service = Service();
        await service.RunAsync((await service.StartAsync(Request(("wait-pay", "wait-payment"), ("wait-retry", "wait-retry")), None)).Migration!, None);

        _runtime.Clock.Advance(TimeSpan.FromDays(4));
        await _runtime.TimerService.FireDueAsync(None);

        // v1 would have reminded on day 3; v2 waits five days from the same start, so nothing is due on day 4.
        Assert.Equal("wait-payment", (await InstancesAsync()).Single(i => i.State.CustomerId == "cust-1").State.CurrentStep);
        await _runtime.ApplyAsync(TestEvents.Of("fail-1", "payment.failed", "cust-1", """{ "reason": "card-expired" }"""));
        var moved = (await InstancesAsync()).Single(i => i.State.CustomerId == "cust-1").State;
        Assert.Equal((2, "wait-retry"), (moved.Version, moved.CurrentStep));
    }

    [Fact]
    public async Task ResumeAsync_AfterACrashBetweenAMoveAndItsProgressWrite_CountsEveryInstanceOnce()
    {
        await StartThreeOnVersion1Async();
        var crashing = Service(new CrashAfterFirstMove(_mover));
        var start = await crashing.StartAsync(Request(("wait-pay", "wait-payment"), ("wait-retry", "wait-retry")), None);

        await Assert.ThrowsAsync<OperationCanceledException>(() => crashing.RunAsync(start.Migration!, None));
        var halfway = await _store.GetAsync(Journey, start.Migration!.Id, None);
        var resumed = await Service().ResumeAsync(None);

        Assert.Equal((MigrationState.Running, 0, 2), (halfway!.State, halfway.Moved, halfway.InFlight.Count));
        Assert.Equal(1, resumed);
        var done = await _store.GetAsync(Journey, start.Migration.Id, None);
        Assert.Equal((MigrationState.Completed, 3, 0), (done!.State, done.Moved, done.InFlight.Count));
        Assert.All(await InstancesAsync(), i => Assert.Equal(2, i.State.Version));
    }

    private MigrationService Service(IInstanceMover? mover = null) => new(
        _store, _runtime.Catalog, _runtime.Directory, _runtime.Customers, mover ?? _mover, _runtime.Clock, _runtime.Options, NullLogger<MigrationService>.Instance);

    private static MigrationRequest Request(params (string From, string To)[] steps) =>
        new(Journey, 1, 2, steps.ToDictionary(s => s.From, s => s.To, StringComparer.Ordinal), null);

    private async Task StartThreeOnVersion1Async()
    {
        await _runtime.DeploySamplesAsync(Journey);
        await _runtime.ApplyAsync(TestEvents.Invoice("inv-1", "cust-1"));
        await _runtime.ApplyAsync(TestEvents.Invoice("inv-2", "cust-2"));
        await _runtime.ApplyAsync(TestEvents.Invoice("inv-3", "cust-3"));
        await _runtime.ApplyAsync(TestEvents.Of("fail-3", "payment.failed", "cust-3", """{ "reason": "card-expired" }"""));
        await _runtime.DeployAsync(Journey, Version2());
    }

    // wait-pay becomes wait-payment, with five days instead of three.
    private static string Version2()
    {
        var definition = JsonNode.Parse(SampleJourneys.SampleJson(Journey))!.AsObject();
        var steps = definition["steps"]!.AsObject();
        var wait = steps["wait-pay"]!.DeepClone();
        wait["timeout"] = "P5D";
        steps.Remove("wait-pay");
        steps["wait-payment"] = wait;
        steps["pay-link"]!["next"] = "wait-payment";
        return definition.ToJsonString();
    }

    private async Task<IReadOnlyList<InstanceRecord>> InstancesAsync()
    {
        var all = new List<InstanceRecord>();
        foreach (var customer in new[] { "cust-1", "cust-2", "cust-3" })
        {
            all.AddRange(await _runtime.Store.ListInstancesAsync(customer, None));
        }

        return all;
    }

    // Moves one instance, then dies as a host would between the move's commit and the batch's progress write.
    private sealed class CrashAfterFirstMove(IInstanceMover inner) : IInstanceMover
    {
        public async Task<InstanceMove> MoveAsync(MigrationRecord migration, InstanceLocation location, CancellationToken cancellationToken)
        {
            await inner.MoveAsync(migration, location, cancellationToken);
            throw new OperationCanceledException("host stopped");
        }
    }
}
