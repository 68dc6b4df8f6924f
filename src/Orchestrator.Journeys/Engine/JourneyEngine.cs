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
}
