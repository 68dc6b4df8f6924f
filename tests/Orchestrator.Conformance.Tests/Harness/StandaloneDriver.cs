using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Conformance.Tests.Harness.Api;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>
/// Drives the standalone runtime through its HTTP API with the simulator's clock rules, on a
/// <see cref="FakeTimeProvider"/> the host uses as its clock.
/// </summary>
/// <remarks>
/// Every run's next moment is known: the instance's <c>customStatus.wakeUpAt</c> when it is due at or before the
/// run's next event (or, after the last event, by <c>start + runFor</c>), else the next event. The driver moves
/// the clock to the earliest moment of all runs: for wake-ups it waits until each instance shows it acted on
/// its timer, for events it posts them. So every timer fires at exactly its due time, before any event at or
/// after it, as in the simulator, and runs whose spans overlap share the clock without going back in time.
/// </remarks>
/// <param name="api">The host.</param>
/// <param name="clock">The host's clock.</param>
/// <param name="actions">The host's <c>actions</c> queue.</param>
/// <param name="delivery">How touchpoints are posted; once each when null.</param>
public sealed class StandaloneDriver(OrchestratorApi api, FakeTimeProvider clock, ActionQueueReader actions, ITouchpointDelivery? delivery = null)
    : IJourneyDriver
{
    public const string DriverName = "standalone";

    /// <summary>How long the host may take to act on a due timer once the clock reached it.</summary>
    public static readonly TimeSpan WakeUpDeadline = TimeSpan.FromSeconds(15);

    /// <summary>How long committed actions may take to reach the queue.</summary>
    public static readonly TimeSpan DispatchDeadline = TimeSpan.FromSeconds(15);

    private readonly ITouchpointDelivery _delivery = delivery ?? new SingleDelivery();
    private readonly Dictionary<string, JourneyDefinition> _journeys = new(StringComparer.Ordinal);

    public string Name => DriverName;

    public async Task DeployAsync(JourneyDefinition definition, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var version = await api.DeployAsync(definition.Id, json, cancellationToken);
        _journeys[definition.Id] = definition with { Version = version };
    }

    public async Task<IReadOnlyList<JourneyRunResult>> RunAsync(IReadOnlyList<ScenarioRun> runs, CancellationToken cancellationToken)
    {
        ScenarioSchedule.RequireOwnCustomers(runs);

        var cursors = runs.Select(Cursor).ToList();
        await ScenarioSchedule.PlayAsync(
            cursors,
            clock,
            ended => FinishAsync(ended, cancellationToken),
            (wakeUps, at) => Task.WhenAll(wakeUps.Select(c => AwaitWakeUpAsync(c, at, cancellationToken))),
            due => Task.WhenAll(due.Select(c => PostNextAsync(c, cancellationToken))),
            cancellationToken);

        await CrossCheckQueueAsync(cursors, cancellationToken);
        return [.. cursors.Select(c => c.Result!)];
    }

    private ScenarioCursor Cursor(ScenarioRun run)
    {
        if (_journeys.TryGetValue(run.JourneyId, out var definition))
        {
            return new ScenarioCursor(run, definition);
        }

        var cursor = new ScenarioCursor(run, definition: null);
        cursor.Stop($"journey {run.JourneyId} was not deployed to the standalone host");
        return cursor;
    }

    private async Task AwaitWakeUpAsync(ScenarioCursor cursor, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var instanceId = cursor.InstanceId!;
        try
        {
            cursor.Status = await Eventually.MatchesAsync(
                () => api.GetStatusAsync(instanceId, showHistory: false, cancellationToken),
                status => status is not null && status.WakeUpAt != dueAt,
                WakeUpDeadline,
                status => $"instance {instanceId} to act on its timer due {Format(dueAt)} once the host clock reached it; last status: {status?.ToString() ?? "not found"}",
                cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException or JsonException)
        {
            cursor.Stop(exception.Message);
        }
    }

    private async Task PostNextAsync(ScenarioCursor cursor, CancellationToken cancellationToken)
    {
        var touchpoint = cursor.NextTouchpoint();
        try
        {
            cursor.Problems.AddRange(await _delivery.DeliverAsync(api, touchpoint, cancellationToken));
            var started = cursor.Advance(touchpoint);
            if (cursor.InstanceId is { } instanceId)
            {
                cursor.Status = await api.GetStatusAsync(instanceId, showHistory: false, cancellationToken);
                if (cursor.Status is null)
                {
                    cursor.Stop(started
                        ? $"touchpoint {touchpoint.Id} matches the entry, but the host has no instance {instanceId} after applying it"
                        : $"instance {instanceId} disappeared after touchpoint {touchpoint.Id}");
                }
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or JsonException)
        {
            cursor.Stop($"posting touchpoint {touchpoint.Id} ({touchpoint.Type}) at {Format(touchpoint.At)} failed: {exception.Message}");
        }
    }

    private async Task FinishAsync(ScenarioCursor cursor, CancellationToken cancellationToken)
    {
        var run = cursor.Run;
        try
        {
            cursor.Problems.AddRange(await _delivery.FlushAsync(api, cursor.CustomerId, cancellationToken));
            var timeline = await api.GetTimelineAsync(cursor.CustomerId, cancellationToken);
            foreach (var id in cursor.Posted.Distinct(StringComparer.Ordinal))
            {
                var entries = timeline.Count(e => e.Touchpoint?.Id == id);
                if (entries != 1)
                {
                    cursor.Problems.Add($"touchpoint {id} is in {entries} timeline entries of {cursor.CustomerId}; expected exactly one");
                }
            }

            if (cursor.InstanceId is not { } instanceId)
            {
                var started = (await api.GetJourneysAsync(cursor.CustomerId, cancellationToken)).Where(j => j.Journey == run.JourneyId).ToList();
                if (started.Count > 0)
                {
                    cursor.Problems.Add($"no event matches the entry, yet the host started {string.Join(", ", started.Select(j => j.InstanceId))}");
                }

                cursor.Result = new JourneyRunResult(run.Name, cursor.CustomerId, null, "notStarted", [], [], [], [], [.. cursor.Problems]);
                return;
            }

            var status = await api.GetStatusAsync(instanceId, showHistory: true, cancellationToken);
            if (status is null)
            {
                cursor.Problems.Add($"instance {instanceId} not found at the end of the run");
                cursor.Result = JourneyRunResult.Failed(run, [.. cursor.Problems]);
                return;
            }

            var outcome = status.RuntimeStatus switch
            {
                InstanceStatusView.Completed => CamelCase(status.Output?.Outcome ?? "(completed without output)"),
                InstanceStatusView.Running => "running",
                var other => CamelCase(other),
            };
            var actions = timeline.OrderBy(e => e.Sequence).SelectMany(e => e.Actions ?? []).Where(a => a.InstanceId == instanceId).ToList();
            var history = (status.HistoryEvents ?? []).Where(h => h.InstanceId == instanceId).Select(h => h.Decision).ToList();
            var steps = history.Where(d => d.Kind == DecisionView.StepEntered).Select(d => d.Step ?? "(no step)").ToList();
            var decisions = history.Select(d => JourneyRunResult.Decision(d.At, d.Kind, d.Step, d.Next, d.Detail)).ToList();
            cursor.TimelineActions = actions;
            cursor.Result = new JourneyRunResult(
                run.Name, cursor.CustomerId, instanceId, outcome,
                [.. actions.Select(a => a.Name)], steps, [.. actions.Select(a => a.IdempotencyKey)], decisions, [.. cursor.Problems]);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or JsonException)
        {
            cursor.Problems.Add($"reading the end of the run failed: {exception.Message}");
            cursor.Result = JourneyRunResult.Failed(run, [.. cursor.Problems]);
        }
    }

    /// <summary>Every action in the timelines reached the queue exactly once, with the same content.</summary>
    private async Task CrossCheckQueueAsync(List<ScenarioCursor> cursors, CancellationToken cancellationToken)
    {
        var committed = cursors.SelectMany(c => c.TimelineActions).Select(a => a.IdempotencyKey).ToList();
        await actions.WaitForKeysAsync(committed, DispatchDeadline, cancellationToken);
        var queued = actions.ByKey;
        foreach (var cursor in cursors)
        {
            var problems = new List<string>();
            foreach (var action in cursor.TimelineActions)
            {
                var copies = queued[action.IdempotencyKey].ToList();
                if (copies.Count == 0)
                {
                    problems.Add($"action {action.IdempotencyKey} ({action.Name}) is in the timeline but never reached the actions queue");
                }
                else if (copies.FirstOrDefault(c => !c.SameContentAs(action)) is { } different)
                {
                    problems.Add($"the queued copy of {action.IdempotencyKey} differs from the timeline's: {JsonSerializer.Serialize(different, OrchestratorApi.Json)} vs {JsonSerializer.Serialize(action, OrchestratorApi.Json)}");
                }
                else if (copies.Count > 1)
                {
                    problems.Add($"action {action.IdempotencyKey} ({action.Name}) reached the actions queue {copies.Count} times");
                }
            }

            if (problems.Count > 0)
            {
                cursor.Result = cursor.Result! with { Problems = [.. cursor.Result.Problems, .. problems] };
            }
        }
    }

    private static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string Format(DateTimeOffset instant) => instant.ToString("o", CultureInfo.InvariantCulture);
}
