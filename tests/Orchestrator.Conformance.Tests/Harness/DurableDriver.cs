using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Application;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Identity;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Rules;
using Orchestrator.Durable.Tests.Orchestration;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Conformance.Tests.Harness.Api;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>
/// Drives the Durable Functions route in process: <see cref="DurableTouchpointRouter"/> accepts each touchpoint
/// (its routing committed) and the driver starts and raises what it planned, every instance runs the shared <see cref="JourneyOrchestration"/> loop on a fake Durable
/// context (buffered events, timers firing as fake time passes, continue-as-new), and <see cref="JourneyActivities"/>
/// record and dispatch on in-memory storage, with the send rules off as on the standalone conformance host.
/// </summary>
/// <remarks>
/// The clock rules are the standalone driver's: every run's next moment is its orchestration's earliest pending
/// timer when due at or before its next event (or, after the last one, by <c>start + runFor</c>), else that event;
/// the driver moves the one clock to the earliest moment of all runs, timers before events at the same instant.
/// </remarks>
public sealed class DurableDriver : IJourneyDriver, IDisposable
{
    public const string DriverName = "durable";

    private const int MaxTouchpointBytes = 64 * 1024;

    private readonly Dictionary<string, JourneyDefinition> _journeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeDurableContext> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<ScenarioCursor, IReadOnlyList<ActionMessage>> _committed = [];
    private readonly FakeTimeProvider _clock;
    private readonly InMemoryCustomerStore _customers = new();
    private readonly InMemoryActionSink _sink = new();
    private readonly DefinitionCatalog _catalog;
    private readonly DefinitionService _definitions;
    private readonly JourneyActivities _activities;
    private readonly DurableTouchpointRouter _router;

    /// <summary>Creates the driver on fresh in-memory storage.</summary>
    /// <param name="start">Where the clock starts.</param>
    public DurableDriver(DateTimeOffset start)
    {
        _clock = new FakeTimeProvider(start);
        var options = new ApplicationOptions { SendRules = SendRulesOptions.None };
        var definitionStore = new InMemoryDefinitionStore();
        _catalog = new DefinitionCatalog(definitionStore, _clock, options);
        _definitions = new DefinitionService(definitionStore, _catalog, _clock);
        var dispatcher = new ActionDispatcher(_sink, _customers, _clock, NullLogger<ActionDispatcher>.Instance);
        var processor = new CustomerProcessor(
            _customers, new InMemoryInstanceDirectory(), new InMemoryTimerStore(), new InMemoryPoisonStore(), _catalog, dispatcher, _clock, options,
            NullLogger<CustomerProcessor>.Instance);
        _activities = new JourneyActivities(processor, dispatcher, _customers, definitionStore, _catalog);
        _router = new DurableTouchpointRouter(processor, new IdentityResolver(new InMemoryIdentityStore(), options), _clock);
    }

    public string Name => DriverName;

    public async Task DeployAsync(JourneyDefinition definition, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var deployed = await _definitions.DeployAsync(definition.Id, json, cancellationToken);
        if (!deployed.Deployed)
        {
            throw new InvalidOperationException($"journey {definition.Id} did not deploy: {string.Join("; ", deployed.Errors)}");
        }

        _journeys[definition.Id] = definition with { Version = deployed.Version!.Value };
    }

    public async Task<IReadOnlyList<JourneyRunResult>> RunAsync(IReadOnlyList<ScenarioRun> runs, CancellationToken cancellationToken)
    {
        ScenarioSchedule.RequireOwnCustomers(runs);

        var cursors = runs.Select(Cursor).ToList();
        await ScenarioSchedule.PlayAsync(
            cursors,
            _clock,
            ended => FinishAsync(ended, cancellationToken),
            (wakeUps, at) =>
            {
                foreach (var cursor in wakeUps)
                {
                    WakeUp(cursor, at);
                }

                return Task.CompletedTask;
            },
            async due =>
            {
                // One at a time: the fake Durable instances run on this thread.
                foreach (var cursor in due)
                {
                    await PostNextAsync(cursor, cancellationToken);
                }
            },
            cancellationToken);

        CrossCheckSent(cursors);
        return [.. cursors.Select(c => c.Result!)];
    }

    public void Dispose() => _catalog.Dispose();

    private ScenarioCursor Cursor(ScenarioRun run)
    {
        if (_journeys.TryGetValue(run.JourneyId, out var definition))
        {
            return new ScenarioCursor(run, definition);
        }

        var cursor = new ScenarioCursor(run, definition: null);
        cursor.Stop($"journey {run.JourneyId} was not deployed to the durable driver");
        return cursor;
    }

    private void WakeUp(ScenarioCursor cursor, DateTimeOffset dueAt)
    {
        var context = _instances[cursor.InstanceId!];
        try
        {
            context.AdvanceTo(dueAt);
        }
        catch (Exception exception) when (exception is InvalidOperationException or JsonException or Xunit.Sdk.XunitException)
        {
            cursor.Stop($"instance {context.InstanceId} failed on its timer due {Format(dueAt)}: {exception.Message}");
            return;
        }

        Refresh(cursor, context);
        if (cursor.Status?.WakeUpAt == dueAt)
        {
            cursor.Stop($"instance {context.InstanceId} still has a timer due {Format(dueAt)} after the clock reached it");
        }
    }

    private async Task PostNextAsync(ScenarioCursor cursor, CancellationToken cancellationToken)
    {
        var touchpoint = cursor.NextTouchpoint();
        try
        {
            var read = CloudEventReader.ReadStructured(Encoding.UTF8.GetBytes(touchpoint.CloudEvent), MaxTouchpointBytes);
            if (!read.IsValid || read.Touchpoints.Count != 1)
            {
                cursor.Stop($"touchpoint {touchpoint.Id} is not one valid CloudEvent: {string.Join("; ", read.Problems)}");
                return;
            }

            // What the Functions ingress does: accept (routing committed), then start and raise.
            var plan = await _router.AcceptAsync(read.Touchpoints[0], cancellationToken);
            foreach (var start in plan.Starts)
            {
                if (!_instances.ContainsKey(start.InstanceId))
                {
                    var context = Wire(new FakeDurableContext(start.InstanceId, _clock));
                    _instances.Add(start.InstanceId, context);
                    context.Start(start);
                }
            }

            foreach (var instanceId in plan.Raises)
            {
                if (!_instances.TryGetValue(instanceId, out var context))
                {
                    cursor.Problems.Add($"touchpoint {touchpoint.Id} is raised to {instanceId}, which has no orchestration");
                    continue;
                }

                context.Raise(JourneyOrchestrationNames.TouchpointEvent, plan.Raised);
            }

            var started = cursor.Advance(touchpoint);
            if (cursor.InstanceId is { } id)
            {
                if (_instances.TryGetValue(id, out var context))
                {
                    Refresh(cursor, context);
                }
                else
                {
                    cursor.Stop(started
                        ? $"touchpoint {touchpoint.Id} matches the entry, but no orchestration {id} was started"
                        : $"orchestration {id} disappeared after touchpoint {touchpoint.Id}");
                }
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or JsonException or Xunit.Sdk.XunitException)
        {
            cursor.Stop($"applying touchpoint {touchpoint.Id} ({touchpoint.Type}) at {Format(touchpoint.At)} failed: {exception.Message}");
        }
    }

    private FakeDurableContext Wire(FakeDurableContext context)
    {
        context.OnActivity<DefinitionRequest, string>(JourneyOrchestrationNames.LoadDefinition, r => _activities.LoadDefinitionAsync(r, CancellationToken.None));
        context.OnActivity<DefinitionRequest, IReadOnlyDictionary<string, Journeys.Engine.ArmFigures>>(JourneyOrchestrationNames.LoadArmFigures, r => _activities.LoadArmFiguresAsync(r, CancellationToken.None));
        context.OnActivity<TransitionRequest, ActivityResult>(JourneyOrchestrationNames.RecordTransition, r => _activities.RecordTransitionAsync(r, CancellationToken.None));
        context.OnActivity<DeferredRequest, ActivityResult>(JourneyOrchestrationNames.ReleaseDeferred, r => _activities.ReleaseDeferredAsync(r, CancellationToken.None));
        context.OnActivity<UnappliedRequest, IReadOnlyList<Journeys.Touchpoint>>(JourneyOrchestrationNames.TakeUnapplied, r => _activities.TakeUnappliedAsync(r, CancellationToken.None));
        return context;
    }

    // The orchestration's state as the cursor reads it: running with its earliest pending timer as the wake-up, or completed.
    private static void Refresh(ScenarioCursor cursor, FakeDurableContext context)
    {
        var status = context.CustomStatus;
        var run = cursor.Run;
        cursor.Status = new InstanceStatusView(
            run.JourneyId,
            context.InstanceId,
            context.IsCompleted ? InstanceStatusView.Completed : InstanceStatusView.Running,
            new CustomStatusView(run.JourneyId, 0, cursor.CustomerId, status?.Step, status?.Waiting, context.NextTimerAt),
            context.Output is { } output ? new OutputView(output.Outcome ?? "", output.Reason) : null,
            context.CurrentUtcDateTime,
            context.CurrentUtcDateTime,
            HistoryEvents: null);
    }

    private async Task FinishAsync(ScenarioCursor cursor, CancellationToken cancellationToken)
    {
        var run = cursor.Run;
        var timeline = await _customers.ReadTimelineAsync(cursor.CustomerId, cancellationToken);
        if (cursor.InstanceId is not { } instanceId)
        {
            var started = _instances.Values.Where(c => c.Generations.Count > 0 && c.Generations[0].CustomerId == cursor.CustomerId && c.Generations[0].JourneyId == run.JourneyId).ToList();
            if (started.Count > 0)
            {
                cursor.Problems.Add($"no event matches the entry, yet the router started {string.Join(", ", started.Select(c => c.InstanceId))}");
            }

            cursor.Result = new JourneyRunResult(run.Name, cursor.CustomerId, null, "notStarted", [], [], [], [], [.. cursor.Problems]);
            return;
        }

        if (!_instances.TryGetValue(instanceId, out var context))
        {
            cursor.Problems.Add($"orchestration {instanceId} not found at the end of the run");
            cursor.Result = JourneyRunResult.Failed(run, [.. cursor.Problems]);
            return;
        }

        var outcome = context.IsCompleted
            ? context.Output?.Outcome ?? "(completed without output)"
            : "running";
        _committed[cursor] = [.. timeline.OrderBy(e => e.Sequence).SelectMany(e => e.Actions).Where(a => a.InstanceId == instanceId)];
        cursor.Result = JourneyRunResult.FromTimeline(run, cursor.CustomerId, instanceId, outcome, timeline, [.. cursor.Problems]);
    }

    /// <summary>Every action in the timelines was dispatched exactly once, with the same content.</summary>
    private void CrossCheckSent(List<ScenarioCursor> cursors)
    {
        var sent = _sink.Sent.ToLookup(a => a.IdempotencyKey, StringComparer.Ordinal);
        foreach (var cursor in cursors)
        {
            var problems = new List<string>();
            foreach (var action in _committed.GetValueOrDefault(cursor, []))
            {
                var copies = sent[action.IdempotencyKey].ToList();
                if (copies.Count == 0)
                {
                    problems.Add($"action {action.IdempotencyKey} ({action.Channel}/{action.Action}) is in the timeline but was never dispatched");
                }
                else if (copies.Count > 1)
                {
                    problems.Add($"action {action.IdempotencyKey} ({action.Channel}/{action.Action}) was dispatched {copies.Count} times");
                }
                else if (copies[0].Channel != action.Channel || copies[0].Action != action.Action || copies[0].StepId != action.StepId)
                {
                    problems.Add($"the dispatched copy of {action.IdempotencyKey} differs from the timeline's");
                }
            }

            if (problems.Count > 0)
            {
                cursor.Result = cursor.Result! with { Problems = [.. cursor.Result.Problems, .. problems] };
            }
        }
    }

    private static string Format(DateTimeOffset instant) => instant.ToString("o", CultureInfo.InvariantCulture);
}
