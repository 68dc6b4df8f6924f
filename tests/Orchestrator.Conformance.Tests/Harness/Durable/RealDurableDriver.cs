using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Orchestrator.Conformance.Tests.Harness.Api;
using Orchestrator.Durable.Ingress;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Durable.Testing.Hosting;
using Orchestrator.Durable.Testing.Journeys;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Conformance.Tests.Harness.Durable;

/// <summary>
/// Drives the Azure shape on the real Durable Task runtime: every touchpoint goes through the app's ingress handler
/// (the code behind the Service Bus trigger) to a real <see cref="DurableTaskClient"/>; the app's journey orchestrator
/// (the shared loop through the app's <see cref="DurableOrchestrationContext"/> adapter) and its activities run on the
/// real worker, over the Azure Storage backend on Azurite; the journeys' own state is in Table Storage on the same
/// Azurite. Actions go to an in-memory sink in place of the Service Bus topic.
/// </summary>
/// <remarks>
/// Runs are played side by side, each on its own: scenario time is compressed by <see cref="ScenarioTimeContext"/>, so
/// a run's next event is posted once its previous one was taken, and a wake-up that comes first is waited for.
/// </remarks>
public sealed class RealDurableDriver : IJourneyDriver, IAsyncDisposable
{
    public const string DriverName = "durable-runtime";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly TimeSpan StepDeadline = ScenarioTimeContext.TimerDelay + TimeSpan.FromSeconds(45);

    private readonly Dictionary<string, JourneyDefinition> _journeys = new(StringComparer.Ordinal);
    private readonly DurableJourneyApp _app;

    private RealDurableDriver(DurableJourneyApp app) => _app = app;

    public string Name => DriverName;

    /// <summary>Starts the app on Table Storage and the Durable runtime, both on one Azurite.</summary>
    /// <param name="storageConnectionString">Azurite, with Blob, Queue and Table endpoints.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The driver.</returns>
    public static async Task<RealDurableDriver> StartAsync(string storageConnectionString, CancellationToken cancellationToken) =>
        new(await DurableJourneyApp.StartAsync(
            storageConnectionString,
            new DurableJourneyAppOptions { WrapContext = (context, input) => new ScenarioTimeContext(context, input) },
            cancellationToken));

    public async Task DeployAsync(JourneyDefinition definition, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _journeys[definition.Id] = definition with { Version = await _app.DeployAsync(json, cancellationToken) };
    }

    public async Task<IReadOnlyList<JourneyRunResult>> RunAsync(IReadOnlyList<ScenarioRun> runs, CancellationToken cancellationToken)
    {
        ScenarioSchedule.RequireOwnCustomers(runs);
        var cursors = runs.Select(run => _journeys.TryGetValue(run.JourneyId, out var definition)
            ? new ScenarioCursor(run, definition)
            : Unknown(run)).ToList();
        await Task.WhenAll(cursors.Select(c => PlayAsync(c, cancellationToken)));
        CrossCheckSent(cursors);
        return [.. cursors.Select(c => c.Result!)];
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static ScenarioCursor Unknown(ScenarioRun run)
    {
        var cursor = new ScenarioCursor(run, definition: null);
        cursor.Stop($"journey {run.JourneyId} was not deployed to the durable runtime driver");
        return cursor;
    }

    private async Task PlayAsync(ScenarioCursor cursor, CancellationToken cancellationToken)
    {
        try
        {
            while (cursor.NextMoment() is { } moment)
            {
                if (moment.IsWakeUp)
                {
                    await WaitPastAsync(cursor, moment.At, cancellationToken);
                }
                else
                {
                    await PostNextAsync(cursor, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException or JsonException)
        {
            cursor.Stop(exception.Message);
        }

        await FinishAsync(cursor, cancellationToken);
    }

    private async Task PostNextAsync(ScenarioCursor cursor, CancellationToken cancellationToken)
    {
        var touchpoint = cursor.NextTouchpoint();
        var settled = await _app.PostAsync(touchpoint.CloudEvent, cancellationToken);
        if (settled is not SettleDecision.Complete)
        {
            cursor.Stop($"touchpoint {touchpoint.Id} was not completed by the ingress: {settled}");
            return;
        }

        var started = cursor.Advance(touchpoint);
        if (cursor.InstanceId is not { } instanceId)
        {
            return;
        }

        var status = await ReadAsync(cursor, instanceId, cancellationToken);
        if (started || (status is not null && !Taken(status, touchpoint.Id) && await IsRaisedAsync(cursor, instanceId, touchpoint.Id, cancellationToken)))
        {
            await _app.Runtime.Client.WaitUntilAsync(
                instanceId,
                state => Terminal(state) || Read(state)?.LastTouchpoint == touchpoint.Id,
                StepDeadline,
                $"to take touchpoint {touchpoint.Id} ({touchpoint.Type})",
                cancellationToken);
        }

        await ReadAsync(cursor, instanceId, cancellationToken);
    }

    private async Task WaitPastAsync(ScenarioCursor cursor, DateTimeOffset wakeUpAt, CancellationToken cancellationToken)
    {
        var instanceId = cursor.InstanceId!;
        await _app.Runtime.Client.WaitUntilAsync(
            instanceId,
            state => Terminal(state) || Read(state)?.WakeUpAt != wakeUpAt,
            StepDeadline,
            $"to act on its timer due {Format(wakeUpAt)}",
            cancellationToken);
        await ReadAsync(cursor, instanceId, cancellationToken);
    }

    private async Task<bool> IsRaisedAsync(ScenarioCursor cursor, string instanceId, string touchpointId, CancellationToken cancellationToken)
    {
        var record = await _app.Customers.GetInstanceAsync(cursor.CustomerId, instanceId, cancellationToken);
        return record?.Buffered.Any(t => t.Id == touchpointId) == true;
    }

    // The orchestration's state as the cursor reads it.
    private async Task<OrchestrationMetadata?> ReadAsync(ScenarioCursor cursor, string instanceId, CancellationToken cancellationToken)
    {
        var state = await _app.Runtime.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (state is null)
        {
            return null;
        }

        var status = Read(state);
        var output = state.SerializedOutput is { Length: > 0 } json ? JsonSerializer.Deserialize<JourneyOrchestrationOutput>(json, Json) : null;
        var run = cursor.Run;
        cursor.Status = new InstanceStatusView(
            run.JourneyId,
            instanceId,
            state.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? InstanceStatusView.Completed : InstanceStatusView.Running,
            new CustomStatusView(run.JourneyId, 0, cursor.CustomerId, status?.Step, status?.Waiting, status?.WakeUpAt),
            output is null ? null : new OutputView(output.Outcome ?? "", output.Reason),
            state.CreatedAt,
            state.LastUpdatedAt,
            HistoryEvents: null);
        return state;
    }

    private async Task FinishAsync(ScenarioCursor cursor, CancellationToken cancellationToken)
    {
        var run = cursor.Run;
        if (cursor.InstanceId is not { } instanceId)
        {
            cursor.Result = new JourneyRunResult(run.Name, cursor.CustomerId, null, "notStarted", [], [], [], [], [.. cursor.Problems]);
            return;
        }

        var state = await ReadAsync(cursor, instanceId, cancellationToken);
        if (state is null)
        {
            cursor.Problems.Add($"orchestration {instanceId} not found at the end of the run");
            cursor.Result = JourneyRunResult.Failed(run, [.. cursor.Problems]);
            return;
        }

        if (state.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
        {
            cursor.Problems.Add($"orchestration {instanceId} failed: {state.FailureDetails?.ErrorMessage}");
        }

        var outcome = state.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? cursor.Status?.Output?.Outcome ?? "(completed without output)"
            : "running";
        var timeline = await _app.Customers.ReadTimelineAsync(cursor.CustomerId, cancellationToken);
        cursor.Result = JourneyRunResult.FromTimeline(run, cursor.CustomerId, instanceId, outcome, timeline, [.. cursor.Problems]);
    }

    /// <summary>Every action in the timelines was dispatched exactly once.</summary>
    private void CrossCheckSent(List<ScenarioCursor> cursors)
    {
        var sent = _app.Sink.Sent.ToLookup(a => a.IdempotencyKey, StringComparer.Ordinal);
        foreach (var cursor in cursors.Where(c => c.Result is not null))
        {
            var problems = cursor.Result!.ActionKeys
                .Select(key => (Key: key, Copies: sent[key].Count()))
                .Where(k => k.Copies != 1)
                .Select(k => $"action {k.Key} is in the timeline and was dispatched {k.Copies} times")
                .ToList();
            if (problems.Count > 0)
            {
                cursor.Result = cursor.Result with { Problems = [.. cursor.Result.Problems, .. problems] };
            }
        }
    }

    private static JourneyOrchestrationStatus? Read(OrchestrationMetadata state) =>
        state.SerializedCustomStatus is { Length: > 0 } json ? JsonSerializer.Deserialize<JourneyOrchestrationStatus>(json, Json) : null;

    private static bool Taken(OrchestrationMetadata state, string touchpointId) => Terminal(state) || Read(state)?.LastTouchpoint == touchpointId;

    private static bool Terminal(OrchestrationMetadata state) =>
        state.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    private static string Format(DateTimeOffset instant) => instant.ToString("o", CultureInfo.InvariantCulture);
}
