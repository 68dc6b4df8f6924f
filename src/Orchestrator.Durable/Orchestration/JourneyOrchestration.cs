using System.Text.Json;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Durable.Orchestration;

/// <summary>
/// The journey orchestration loop: applies the engine to each input, records every transition through an
/// activity (which decides and dispatches its sends), then races the next touchpoint against the instance's
/// timer (its wait deadline, expiry or the end of a quiet-hours deferral) and cancels the loser.
/// </summary>
/// <remarks>
/// Replay-safe: no clock, GUID, randomness or I/O. Time is <see cref="IJourneyOrchestrationContext.CurrentUtcDateTime"/>,
/// the engine is pure and the definition is parsed from the document an activity returned. After
/// <see cref="MaxInputsPerGeneration"/> inputs the loop continues as new with its state, keeping unprocessed
/// touchpoints, so the history stays small however long a journey runs. A migration's <see cref="MigrationOrder"/>
/// moves the instance with <see cref="JourneyEngine.Migrate"/>, records the move, and continues as new on the new
/// version, whose definition the next generation loads.
/// </remarks>
public static class JourneyOrchestration
{
    /// <summary>Inputs (touchpoints and timers) one generation handles before it continues as new.</summary>
    public const int MaxInputsPerGeneration = 20;

    /// <summary>Touchpoint ids remembered to drop a redelivered one.</summary>
    public const int MaxRecentTouchpoints = 32;

    /// <summary>Most awaited event types listed in the custom status, which must stay under 16 KB.</summary>
    public const int MaxStatusEvents = 32;

    private const int MaxStatusEventLength = 100;

    /// <summary>The timeline kind of a migration's move or end, as in the standalone runtime.</summary>
    private const string MigrateKind = "migrate";

    /// <summary>Builds the input of a new instance's first generation.</summary>
    /// <param name="instanceId">The deterministic instance id.</param>
    /// <param name="definition">The version it runs.</param>
    /// <param name="trigger">The entry touchpoint.</param>
    /// <returns>The input.</returns>
    public static JourneyOrchestrationInput StartInput(string instanceId, JourneyDefinition definition, Touchpoint trigger)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return StartInput(instanceId, definition.Id, definition.Version, trigger);
    }

    /// <summary>Builds the input of a new instance's first generation.</summary>
    /// <param name="instanceId">The deterministic instance id.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version it runs.</param>
    /// <param name="trigger">The entry touchpoint.</param>
    /// <returns>The input.</returns>
    public static JourneyOrchestrationInput StartInput(string instanceId, string journeyId, int version, Touchpoint trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return new JourneyOrchestrationInput(
            instanceId, journeyId, version, trigger.CustomerId, trigger, State: null, DeferredDueAt: null, [], Generation: 0);
    }

    /// <summary>Runs one generation of the orchestration.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <param name="input">The generation's input.</param>
    /// <returns>How the journey ended, or null when the generation continued as new.</returns>
    /// <remarks>
    /// The loop does not depend on any raised event arriving: at the start of every later generation (events carried
    /// over a continue-as-new are the ones runtimes have lost) and before acting on a timer (a deadline must not pass
    /// over a touchpoint that was raised in time), it asks its customer's partition for the touchpoints raised to it
    /// that it has not applied, and applies them first. A touchpoint applied once is remembered and never applied again.
    /// </remarks>
    public static async Task<JourneyOrchestrationOutput?> RunAsync(IJourneyOrchestrationContext context, JourneyOrchestrationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        var document = await context.CallActivityAsync<string>(JourneyOrchestrationNames.LoadDefinition, new DefinitionRequest(input.JourneyId, input.Version));
        var definition = Parse(document, input);
        var recent = new List<string>(input.RecentTouchpoints);
        var deferredDueAt = input.DeferredDueAt;
        var unapplied = new Queue<Touchpoint>();
        var seen = new SeenProfile(input.Customer);
        JourneyState state;
        if (input.State is { } carried)
        {
            state = carried;
            if (state.Status == JourneyStatus.Running)
            {
                await TakeUnappliedAsync(context, state, recent, unapplied);
            }
        }
        else
        {
            var trigger = input.Trigger ?? throw new InvalidOperationException($"Instance {input.InstanceId}: the input holds neither a state nor a trigger.");
            Remember(recent, trigger.Id);
            var started = JourneyEngine.Start(definition, input.InstanceId, trigger, context.CurrentUtcDateTime, await ContextAsync(context, definition, seen.Context));
            deferredDueAt = Earliest(deferredDueAt, await RecordAsync(context, started, "touchpoint", trigger, isStart: true, recent, seen));
            state = started.State;
        }

        var handled = 0;
        while (state.Status == JourneyStatus.Running || deferredDueAt is not null)
        {
            if (handled >= MaxInputsPerGeneration)
            {
                context.ContinueAsNew(
                    input with
                    {
                        Trigger = null,
                        State = state,
                        DeferredDueAt = deferredDueAt,
                        RecentTouchpoints = recent,
                        Generation = input.Generation + 1,
                        Customer = seen.Profile,
                    },
                    preserveUnprocessedEvents: true);
                return null;
            }

            var running = state.Status == JourneyStatus.Running;
            if (running && unapplied.TryDequeue(out var late))
            {
                handled++;

                // As of its own time, within what the instance has seen: a deadline that passed while its event was
                // lost does not act before it.
                var lateAt = late.Time < state.UpdatedAt ? state.UpdatedAt : late.Time > context.CurrentUtcDateTime ? context.CurrentUtcDateTime : late.Time;
                (state, deferredDueAt) = await ApplyAsync(context, definition, state, deferredDueAt, late, lateAt, recent, seen);
                continue;
            }

            var wakeUpAt = Earliest(running ? state.NextWakeUpAt : null, deferredDueAt);
            context.SetCustomStatus(Status(state, deferredDueAt, input.Generation, recent));

            using var cancel = new CancellationTokenSource();
            var touchpoint = running ? context.WaitForExternalEvent<RaisedTouchpoint>(JourneyOrchestrationNames.TouchpointEvent, cancel.Token) : null;
            var migrate = running ? context.WaitForExternalEvent<MigrationOrder>(JourneyOrchestrationNames.MigrateEvent, cancel.Token) : null;
            var timer = wakeUpAt is { } at ? context.CreateTimer(at, cancel.Token) : null;
            var waits = new List<Task>(3);
            if (touchpoint is not null)
            {
                waits.Add(touchpoint);
            }

            if (migrate is not null)
            {
                waits.Add(migrate);
            }

            if (timer is not null)
            {
                waits.Add(timer);
            }

            var winner = await Task.WhenAny(waits);

            // The loser is cancelled: a timer left behind would keep the orchestration running, and a cancelled
            // wait leaves a later touchpoint buffered for the next wait.
            cancel.Cancel();
            handled++;
            if (touchpoint is not null && winner == touchpoint)
            {
                var raised = await touchpoint;
                seen.Update(raised.Customer);
                (state, deferredDueAt) = await ApplyAsync(context, definition, state, deferredDueAt, raised.ToTouchpoint(), context.CurrentUtcDateTime, recent, seen);
                continue;
            }

            if (migrate is not null && winner == migrate)
            {
                var order = await migrate;
                if (order.From != state.Version)
                {
                    // An order repeated after the move (or meant for another version): already done, or not ours.
                    continue;
                }

                if (order.TargetStep is null)
                {
                    var ended = JourneyEngine.End(definition, state, order.EndOutcome ?? JourneyOutcome.Stopped, order.EndReason ?? "migrated-out", context.CurrentUtcDateTime);
                    deferredDueAt = Earliest(deferredDueAt, await RecordAsync(context, ended, MigrateKind, touchpoint: null, isStart: false, recent, seen));
                    state = ended.State;
                    continue;
                }

                // The new version's definition comes from the activity, as this generation's did; the next generation
                // loads it again by the version in its input.
                var targetDocument = await context.CallActivityAsync<string>(JourneyOrchestrationNames.LoadDefinition, new DefinitionRequest(input.JourneyId, order.To));
                var target = Parse(targetDocument, input with { Version = order.To });
                var moved = JourneyEngine.Migrate(definition, target, state, order.TargetStep, context.CurrentUtcDateTime, await ContextAsync(context, target, seen.Context));
                deferredDueAt = Earliest(deferredDueAt, await RecordAsync(context, moved, MigrateKind, touchpoint: null, isStart: false, recent, seen, migratedFrom: state.Version));
                context.ContinueAsNew(
                    input with
                    {
                        Version = order.To,
                        Trigger = null,
                        State = moved.State,
                        DeferredDueAt = deferredDueAt,
                        RecentTouchpoints = recent,
                        Customer = seen.Profile,
                        Generation = input.Generation + 1,
                    },
                    preserveUnprocessedEvents: true);
                return null;
            }

            // A touchpoint raised before the deadline whose event the runtime lost is applied before the deadline acts.
            if (running && await TakeUnappliedAsync(context, state, recent, unapplied))
            {
                continue;
            }

            // Deferred actions first: the instance's own wake-up may end it, and its released sends are decided as
            // they stood (suppression, caps and priority apply again, quiet hours do not).
            var now = context.CurrentUtcDateTime;
            if (deferredDueAt is { } due && due <= now)
            {
                var released = await context.CallActivityAsync<ActivityResult>(
                    JourneyOrchestrationNames.ReleaseDeferred, new DeferredRequest(state.CustomerId, state.InstanceId));
                deferredDueAt = released.DeferredDueAt;
                seen.Update(released);
            }

            if (state.Status == JourneyStatus.Running && state.NextWakeUpAt is { } wake && wake <= now)
            {
                var transition = JourneyEngine.Apply(definition, state, WakeUp.Instance, now, await ContextAsync(context, definition, seen.Context));
                deferredDueAt = Earliest(deferredDueAt, await RecordAsync(context, transition, "wakeUp", touchpoint: null, isStart: false, recent, seen));
                state = transition.State;
            }
        }

        context.SetCustomStatus(Status(state, deferredDueAt, input.Generation, recent));
        return new JourneyOrchestrationOutput(Camel(state.Outcome?.ToString()), state.Reason, state.CurrentStep);
    }

    // Applies one touchpoint unless it was applied before (a redelivered or re-raised one).
    private static async Task<(JourneyState State, DateTimeOffset? DeferredDueAt)> ApplyAsync(
        IJourneyOrchestrationContext context, JourneyDefinition definition, JourneyState state, DateTimeOffset? deferredDueAt, Touchpoint received, DateTimeOffset at, List<string> recent, SeenProfile seen)
    {
        if (recent.Contains(received.Id, StringComparer.Ordinal))
        {
            return (state, deferredDueAt);
        }

        Remember(recent, received.Id);
        var transition = JourneyEngine.Apply(definition, state, new TouchpointReceived(received), at, await ContextAsync(context, definition, seen.Context));
        return (transition.State, Earliest(deferredDueAt, await RecordAsync(context, transition, "touchpoint", received, isStart: false, recent, seen)));
    }

    // The engine's context: the customer's profile as the instance last saw it and, for a version with an optimize step,
    // its arms' figures from an activity before every engine call (the simplest rule that never misses the moment an
    // instance reaches the step): the result is in the history, so a replay passes the engine the very figures the
    // first run saw. A version without one costs nothing.
    private static async Task<JourneyContext> ContextAsync(IJourneyOrchestrationContext context, JourneyDefinition definition, JourneyContext seen)
    {
        if (!OptimizeFigures.Needed(definition))
        {
            return seen;
        }

        var figures = await context.CallActivityAsync<IReadOnlyDictionary<string, ArmFigures>>(
            JourneyOrchestrationNames.LoadArmFigures, new DefinitionRequest(definition.Id, definition.Version));
        return seen with { Arms = figures };
    }

    // Queues the touchpoints raised to the instance and not applied; true when there are any.
    private static async Task<bool> TakeUnappliedAsync(IJourneyOrchestrationContext context, JourneyState state, List<string> recent, Queue<Touchpoint> unapplied)
    {
        var found = await context.CallActivityAsync<IReadOnlyList<Touchpoint>>(
            JourneyOrchestrationNames.TakeUnapplied, new UnappliedRequest(state.CustomerId, state.InstanceId, [.. recent]));
        foreach (var touchpoint in found)
        {
            if (!recent.Contains(touchpoint.Id, StringComparer.Ordinal))
            {
                unapplied.Enqueue(touchpoint);
            }
        }

        return unapplied.Count > 0;
    }

    /// <summary>The custom status for a state, bounded in size.</summary>
    /// <param name="state">The state.</param>
    /// <param name="deferredDueAt">When the earliest deferred action is due.</param>
    /// <param name="generation">The generation.</param>
    /// <param name="recent">Ids of the touchpoints applied lately, the latest last.</param>
    /// <returns>The status.</returns>
    public static JourneyOrchestrationStatus Status(JourneyState state, DateTimeOffset? deferredDueAt, int generation, IReadOnlyList<string> recent)
    {
        ArgumentNullException.ThrowIfNull(state);
        var waiting = state.Status == JourneyStatus.Completed
            ? deferredDueAt is null ? "none" : "deferred"
            : Camel(state.Waiting.ToString()) ?? "none";
        var events = state.Status == JourneyStatus.Completed
            ? []
            : state.Awaiting
                .Select(a => a.Event.Length <= MaxStatusEventLength ? a.Event : a.Event[..MaxStatusEventLength])
                .Distinct(StringComparer.Ordinal)
                .Take(MaxStatusEvents)
                .ToArray();
        var last = recent.Count > 0 ? recent[^1] : null;
        return new JourneyOrchestrationStatus(state.CurrentStep, waiting, events, state.NextWakeUpAt, deferredDueAt, generation, last);
    }

    private static async Task<DateTimeOffset?> RecordAsync(
        IJourneyOrchestrationContext context, JourneyTransition transition, string kind, Touchpoint? touchpoint, bool isStart, List<string> recent, SeenProfile seen, int? migratedFrom = null)
    {
        // A transition that decided nothing changed nothing: no activity, so a stale timer costs no history.
        if (!isStart && transition.Decisions.Count == 0)
        {
            return null;
        }

        var request = new TransitionRequest(transition, kind, touchpoint, isStart, [.. recent]) { MigratedFrom = migratedFrom };
        var result = await context.CallActivityAsync<ActivityResult>(JourneyOrchestrationNames.RecordTransition, request);
        seen.Update(result);
        return result.DeferredDueAt;
    }

    private static JourneyDefinition Parse(string document, JourneyOrchestrationInput input)
    {
        var read = JourneyDefinitionReader.Read(document);
        if (!read.IsValid)
        {
            throw new InvalidOperationException(
                $"Stored definition {input.JourneyId} v{input.Version} is invalid: {string.Join("; ", read.Errors)}");
        }

        return read.Definition with { Version = input.Version };
    }

    private static void Remember(List<string> recent, string touchpointId)
    {
        recent.Add(touchpointId);
        if (recent.Count > MaxRecentTouchpoints)
        {
            recent.RemoveRange(0, recent.Count - MaxRecentTouchpoints);
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => (a, b) switch
    {
        ({ } x, { } y) => x < y ? x : y,
        ({ } x, null) => x,
        (null, var y) => y,
    };

    private static string? Camel(string? name) => name is null ? null : JsonNamingPolicy.CamelCase.ConvertName(name);
}
