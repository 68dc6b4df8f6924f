using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Engine;

/// <summary>
/// The journey engine: definition + state + input + time → new state + commands + decisions.
/// </summary>
/// <remarks>
/// Pure and deterministic: no clock, no I/O, no randomness. The same arguments always give the same
/// result, so the engine can run inside a Durable Functions orchestrator, which replays it.
/// </remarks>
public static class JourneyEngine
{
    /// <summary>
    /// Most steps one input may run. Validation already rejects cycles with no <c>delay</c> or
    /// <c>waitFor</c>; this guard also covers delays that are already due, so no input can spin.
    /// </summary>
    public const int MaxStepsPerInput = 100;

    /// <summary>Starts an instance from its trigger touchpoint.</summary>
    /// <param name="definition">The journey version the instance runs.</param>
    /// <param name="instanceId">The instance id (see <see cref="InstanceIds"/>).</param>
    /// <param name="trigger">The touchpoint that matched the journey's entry.</param>
    /// <param name="now">Engine time.</param>
    /// <param name="context">What the host knows beyond the instance; <see cref="JourneyContext.Empty"/> when nothing.</param>
    /// <returns>The first state, the commands to run and the decisions made.</returns>
    public static JourneyTransition Start(JourneyDefinition definition, string instanceId, Touchpoint trigger, DateTimeOffset now, JourneyContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(trigger);
        var state = new JourneyState
        {
            InstanceId = instanceId,
            JourneyId = definition.Id,
            Version = definition.Version,
            CustomerId = trigger.CustomerId,
            Status = JourneyStatus.Running,
            StartedAt = now,
            UpdatedAt = now,
            ExpiresAt = definition.MaxDuration is { } max ? now + max : null,
            Trigger = trigger,
        };
        var run = new EngineRun(definition, state, now, previousWakeUp: null, context ?? JourneyContext.Empty);
        run.Begin();
        return run.Finish();
    }

    /// <summary>Starts an instance with the deterministic id for its journey, customer and trigger.</summary>
    /// <param name="definition">The journey version the instance runs.</param>
    /// <param name="trigger">The touchpoint that matched the journey's entry.</param>
    /// <param name="now">Engine time.</param>
    /// <param name="context">What the host knows beyond the instance; <see cref="JourneyContext.Empty"/> when nothing.</param>
    /// <returns>The first state, the commands to run and the decisions made.</returns>
    public static JourneyTransition Start(JourneyDefinition definition, Touchpoint trigger, DateTimeOffset now, JourneyContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(trigger);
        return Start(definition, InstanceIds.For(definition.Id, trigger.CustomerId, trigger.Id), trigger, now, context);
    }

    /// <summary>Applies one input to a running instance.</summary>
    /// <param name="definition">The journey version the instance runs (the one it started on).</param>
    /// <param name="state">The instance's current state.</param>
    /// <param name="input">A touchpoint, a wake-up or a stop.</param>
    /// <param name="now">Engine time.</param>
    /// <param name="context">What the host knows beyond the instance; <see cref="JourneyContext.Empty"/> when nothing.</param>
    /// <returns>
    /// The new state, commands and decisions. An input that changes nothing (a touchpoint the instance
    /// does not wait for, a stale wake-up, anything after completion) returns the same state and no commands.
    /// </returns>
    /// <exception cref="ArgumentException">The state belongs to another journey or version.</exception>
    public static JourneyTransition Apply(JourneyDefinition definition, JourneyState state, JourneyInput input, DateTimeOffset now, JourneyContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        if (state.JourneyId != definition.Id || state.Version != definition.Version)
        {
            throw new ArgumentException(
                $"State of {state.JourneyId} v{state.Version} cannot run on {definition.Id} v{definition.Version}.", nameof(definition));
        }

        if (state.Status == JourneyStatus.Completed)
        {
            return new JourneyTransition(state, [], []);
        }

        var run = new EngineRun(definition, state, now, state.NextWakeUpAt, context ?? JourneyContext.Empty);
        run.Accept(input);
        return run.Finish();
    }
    /// <summary>
    /// Moves a running instance of one version of its journey to another version, at <paramref name="targetStep"/>.
    /// </summary>
    /// <param name="from">The version the instance runs now.</param>
    /// <param name="to">The version it moves to (same journey).</param>
    /// <param name="state">The instance's current state, on <paramref name="from"/>.</param>
    /// <param name="targetStep">The step of <paramref name="to"/> the instance continues at.</param>
    /// <param name="now">Engine time.</param>
    /// <param name="context">What the host knows beyond the instance; <see cref="JourneyContext.Empty"/> when nothing.</param>
    /// <returns>
    /// The state on <paramref name="to"/>, led by one <see cref="DecisionKind.Migrated"/> decision. Vars, trigger, goal,
    /// start time, <c>maxDuration</c> deadline and analytics trail stay. When the old and new steps are the same kind
    /// of wait (<see cref="MigrationEntry.WaitKept"/>) the instance keeps waiting: a <c>waitFor</c>'s deadline becomes
    /// the time it entered the old step plus the new step's timeout (unchanged when the timeout is), a fixed
    /// <c>delay</c>'s likewise; a deadline already past fires at once. Otherwise
    /// (<see cref="MigrationEntry.Entered"/>) it enters the new step as if it had just arrived, and runs it.
    /// A completed instance is returned unchanged, with no decisions.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// The definitions are not two versions of the state's journey, the state is not on <paramref name="from"/>, or
    /// <paramref name="targetStep"/> is not a step of <paramref name="to"/>.
    /// </exception>
    public static JourneyTransition Migrate(JourneyDefinition from, JourneyDefinition to, JourneyState state, string targetStep, DateTimeOffset now, JourneyContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(targetStep);
        if (state.JourneyId != from.Id || state.Version != from.Version)
        {
            throw new ArgumentException($"State of {state.JourneyId} v{state.Version} is not on {from.Id} v{from.Version}.", nameof(from));
        }

        if (to.Id != from.Id)
        {
            throw new ArgumentException($"An instance of {from.Id} cannot move to {to.Id}.", nameof(to));
        }

        if (!to.Steps.ContainsKey(targetStep))
        {
            throw new ArgumentException($"{to.Id} v{to.Version} has no step '{targetStep}'.", nameof(targetStep));
        }

        if (state.Status == JourneyStatus.Completed)
        {
            return new JourneyTransition(state, [], []);
        }

        var moved = state with { Version = to.Version };
        var run = new EngineRun(to, moved, now, state.NextWakeUpAt, context ?? JourneyContext.Empty);
        run.Migrate(from, state, targetStep);
        return run.Finish();
    }

    /// <summary>Ends a running instance at once with an operator's outcome and reason (a migration's unmapped instances).</summary>
    /// <param name="definition">The version the instance runs.</param>
    /// <param name="state">The instance's current state.</param>
    /// <param name="outcome">The outcome it ends with.</param>
    /// <param name="reason">Why, recorded as the reason.</param>
    /// <param name="now">Engine time.</param>
    /// <returns>The completed state, a <see cref="DecisionKind.Stopped"/> then a <see cref="DecisionKind.Completed"/> decision; unchanged when already completed.</returns>
    /// <exception cref="ArgumentException">The state belongs to another journey or version.</exception>
    public static JourneyTransition End(JourneyDefinition definition, JourneyState state, JourneyOutcome outcome, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        if (state.JourneyId != definition.Id || state.Version != definition.Version)
        {
            throw new ArgumentException(
                $"State of {state.JourneyId} v{state.Version} cannot run on {definition.Id} v{definition.Version}.", nameof(definition));
        }

        if (state.Status == JourneyStatus.Completed)
        {
            return new JourneyTransition(state, [], []);
        }

        var run = new EngineRun(definition, state, now, state.NextWakeUpAt, JourneyContext.Empty);
        run.EndWith(outcome, reason);
        return run.Finish();
    }
}
