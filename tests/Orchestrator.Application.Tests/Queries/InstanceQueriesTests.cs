using System.Text.Json;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Queries;
using Orchestrator.Application.Serialization;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Tests.Queries;

public sealed class InstanceQueriesTests : IDisposable
{
    private const string Customer = "cust-1";
    private const string BillInstance = "bill-payment:cust-1:tp-1";
    private const string CaseInstance = "support-case:cust-1:c-1";
    private readonly TestRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task GetStatusAsync_Running_DurableFieldNamesAndValues()
    {
        await StartBothAsync();

        var status = await _runtime.Queries.GetStatusAsync(BillInstance, showHistory: false, CancellationToken.None);

        Assert.NotNull(status);
        using var json = Serialize(status);
        var root = json.RootElement;
        Assert.Equal("bill-payment", root.GetProperty("name").GetString());
        Assert.Equal(BillInstance, root.GetProperty("instanceId").GetString());
        Assert.Equal("Running", root.GetProperty("runtimeStatus").GetString());
        Assert.Equal("tp-1", root.GetProperty("input").GetProperty("id").GetString());
        Assert.Equal(120, root.GetProperty("input").GetProperty("data").GetProperty("amount").GetInt32());
        var custom = root.GetProperty("customStatus");
        Assert.Equal(("wait-pay", "events", 1), (custom.GetProperty("step").GetString(), custom.GetProperty("waiting").GetString(), custom.GetProperty("version").GetInt32()));
        Assert.Equal(["step", "goal", "exit"], custom.GetProperty("awaiting").EnumerateArray().Select(a => a.GetProperty("purpose").GetString()));
        Assert.Equal(TestRuntime.T0.AddDays(3), custom.GetProperty("wakeUpAt").GetDateTimeOffset());
        Assert.Equal(TestRuntime.T0, root.GetProperty("createdTime").GetDateTimeOffset());
        Assert.False(root.TryGetProperty("output", out _));
        Assert.False(root.TryGetProperty("historyEvents", out _));
    }

    [Fact]
    public async Task GetStatusAsync_Completed_OutputOutcomeInCamelCase()
    {
        await StartBothAsync();
        _runtime.Clock.Advance(TimeSpan.FromHours(2));
        await _runtime.ApplyAsync(TestEvents.Of("pay-1", "payment.completed", Customer));

        var status = await _runtime.Queries.GetStatusAsync(BillInstance, showHistory: false, CancellationToken.None);

        Assert.Equal((InstanceRuntimeStatus.Completed, JourneyOutcome.Success), (status?.RuntimeStatus, status?.Output?.Outcome));
        using var json = Serialize(status!);
        var root = json.RootElement;
        Assert.Equal("Completed", root.GetProperty("runtimeStatus").GetString());
        Assert.Equal("success", root.GetProperty("output").GetProperty("outcome").GetString());
        Assert.Equal("goal", root.GetProperty("output").GetProperty("reason").GetString());
        Assert.Equal("none", root.GetProperty("customStatus").GetProperty("waiting").GetString());
        Assert.Equal(TestRuntime.T0.AddHours(2), root.GetProperty("lastUpdatedTime").GetDateTimeOffset());
    }

    [Fact]
    public async Task GetStatusAsync_ShowHistory_OnlyThisInstancesDecisionsInOrder()
    {
        await StartBothAsync();
        await _runtime.ApplyAsync(TestEvents.Of("f-1", "payment.failed", Customer, """{ "reason": "insufficient-funds" }"""));
        await _runtime.ApplyAsync(TestEvents.Of("r-1", "case.resolved", Customer));

        var status = await _runtime.Queries.GetStatusAsync(BillInstance, showHistory: true, CancellationToken.None);

        var timeline = await _runtime.TimelineAsync(Customer);
        var expected = timeline.SelectMany(e => e.Decisions).Where(d => d.InstanceId == BillInstance).Select(d => d.Decision.Kind).ToArray();
        var history = status?.HistoryEvents;
        Assert.NotNull(history);
        Assert.All(history, d => Assert.Equal(BillInstance, d.InstanceId));
        Assert.Equal(expected, history.Select(d => d.Decision.Kind));
        Assert.Equal(DecisionKind.Started, history[0].Decision.Kind);
        Assert.Contains(history, d => d.Decision.Kind == DecisionKind.EventMatched);
        Assert.True(timeline.SelectMany(e => e.Decisions).Count() > history.Count);
        using var json = Serialize(status!);
        Assert.Equal("started", json.RootElement.GetProperty("historyEvents")[0].GetProperty("decision").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task GetStatusAsync_WithoutShowHistory_NoHistory() =>
        Assert.Null((await StatusAfterStartAsync(showHistory: false))?.HistoryEvents);

    [Fact]
    public async Task GetStatusAsync_UnknownInstance_Null()
    {
        await StartBothAsync();

        Assert.Null(await _runtime.Queries.GetStatusAsync("bill-payment:cust-1:nope", showHistory: true, CancellationToken.None));
    }

    [Fact]
    public async Task GetStatusAsync_DirectoryEntryWithoutInstance_Null()
    {
        // The directory is written before the commit, so a crash can leave an entry with no instance.
        await _runtime.Directory.AddAsync(new InstanceLocation("orphan", Customer, "bill-payment", 1, TestRuntime.T0), CancellationToken.None);

        Assert.Null(await _runtime.Queries.GetStatusAsync("orphan", showHistory: false, CancellationToken.None));
    }

    [Fact]
    public async Task ListCustomerJourneysAsync_TwoInstances_OldestFirstWithStepAndOutcome()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment, SampleJourneys.SupportCase);
        await _runtime.ApplyAsync(TestEvents.Of("c-1", "case.opened", Customer, """{ "caseId": "c-1" }"""));
        _runtime.Clock.Advance(TimeSpan.FromMinutes(1));
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));
        _runtime.Clock.Advance(TimeSpan.FromMinutes(1));
        await _runtime.ApplyAsync(TestEvents.Of("w-1", "case.withdrawn", Customer));

        var journeys = await _runtime.Queries.ListCustomerJourneysAsync(Customer, CancellationToken.None);

        Assert.Equal(
            [
                new CustomerJourney(CaseInstance, "support-case", 1, InstanceRuntimeStatus.Completed, "wait-resolution", JourneyOutcome.Exited, TestRuntime.T0, TestRuntime.T0.AddMinutes(2)),
                new CustomerJourney(BillInstance, "bill-payment", 1, InstanceRuntimeStatus.Running, "wait-pay", null, TestRuntime.T0.AddMinutes(1), TestRuntime.T0.AddMinutes(1)),
            ],
            journeys);
        Assert.Empty(await _runtime.Queries.ListCustomerJourneysAsync("nobody", CancellationToken.None));
    }

    [Fact]
    public async Task GetTimelineAsync_SeveralInputs_InSequenceOrderWithKinds()
    {
        await StartBothAsync();
        await _runtime.ApplyAsync(TestEvents.Of("v-1", "page.viewed", Customer));
        _runtime.Clock.Advance(TimeSpan.FromDays(3));
        await _runtime.TimerService.FireDueAsync(CancellationToken.None);

        var timeline = await _runtime.Queries.GetTimelineAsync(Customer, CancellationToken.None);

        Assert.Equal([1L, 2L, 3L, 4L, 5L], timeline.Select(e => e.Sequence));
        Assert.Equal(["touchpoint", "touchpoint", "touchpoint", "wakeUp", "wakeUp"], timeline.Select(e => e.Kind));
        Assert.Equal(["tp-1", "c-1", "v-1"], timeline.Take(3).Select(e => e.Touchpoint!.Id));
        Assert.Equal([TestRuntime.T0, TestRuntime.T0, TestRuntime.T0, TestRuntime.T0.AddDays(3), TestRuntime.T0.AddDays(3)], timeline.Select(e => e.At));
        Assert.Empty(await _runtime.Queries.GetTimelineAsync("nobody", CancellationToken.None));
    }

    private static JsonDocument Serialize(InstanceStatus status) =>
        JsonDocument.Parse(JsonSerializer.Serialize(status, ApplicationJsonContext.Default.InstanceStatus));

    private async Task<InstanceStatus?> StatusAfterStartAsync(bool showHistory)
    {
        await StartBothAsync();
        return await _runtime.Queries.GetStatusAsync(BillInstance, showHistory, CancellationToken.None);
    }

    private async Task StartBothAsync()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment, SampleJourneys.SupportCase);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", Customer));
        await _runtime.ApplyAsync(TestEvents.Of("c-1", "case.opened", Customer, """{ "caseId": "c-1" }"""));
    }
}
