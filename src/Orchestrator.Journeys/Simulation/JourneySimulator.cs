using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Simulation;

/// <summary>
/// Runs a definition on a scripted touchpoint stream with a virtual clock, the way a host would:
/// the first touchpoint matching the entry starts the instance, and every wake-up the engine asks for
/// fires at exactly its due time, before any touchpoint at or after that time.
/// </summary>
public static class JourneySimulator
{
    /// <summary>Most wake-ups one simulation fires; a journey that never settles stops here.</summary>
    public const int MaxWakeUps = 100_000;

    /// <summary>Runs the script.</summary>
    /// <param name="definition">The journey.</param>
    /// <param name="script">The touchpoints and clock.</param>
    /// <returns>The trace.</returns>
    public static SimulationTrace Run(JourneyDefinition definition, SimulationScript script)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(script);
        var entries = new List<TraceEntry>();
        var analytics = new AnalyticsCounters();
        JourneyState? state = null;
        var wakeUps = 0;
        var context = new JourneyContext { Arms = script.Arms };

        void FireWakeUpsUntil(DateTimeOffset limit)
        {
            while (state is { NextWakeUpAt: { } due } && due <= limit && wakeUps++ < MaxWakeUps)
            {
                var transition = JourneyEngine.Apply(definition, state, WakeUp.Instance, due, context);
                AnalyticsDelta.Add(definition, state, transition, analytics);
                state = transition.State;
                entries.Add(new TraceEntry(due, "wake-up", "applied", transition.Decisions, transition.Commands));
            }
        }

        for (var i = 0; i < script.Events.Count; i++)
        {
            var scripted = script.Events[i];
            FireWakeUpsUntil(scripted.At);
            var touchpoint = new Touchpoint(
                scripted.Id ?? $"evt-{i}", scripted.Type, scripted.Source ?? "simulator", script.CustomerId, scripted.At, scripted.Data);
            var input = $"touchpoint {touchpoint.Type} ({touchpoint.Id})";

            if (state is null)
            {
                if (!EntryRules.Matches(definition, touchpoint))
                {
                    if (touchpoint.Type == definition.Entry.Event)
                    {
                        analytics.Add(CounterNames.Refused("filter"));
                    }


                    entries.Add(new TraceEntry(scripted.At, input, "ignored: does not match entry", [], []));
                    continue;
                }

                var started = JourneyEngine.Start(definition, touchpoint, scripted.At, context);
                AnalyticsDelta.Add(definition, null, started, analytics);
                state = started.State;
                entries.Add(new TraceEntry(scripted.At, input, "started", started.Decisions, started.Commands));
                continue;
            }

            var transition = JourneyEngine.Apply(definition, state, new TouchpointReceived(touchpoint), scripted.At, context);
            AnalyticsDelta.Add(definition, state, transition, analytics);
            var effect = transition.Decisions.Count > 0 ? "applied"
                : state.Status == JourneyStatus.Completed ? "ignored: instance completed"
                : "ignored: not awaited";
            state = transition.State;
            entries.Add(new TraceEntry(scripted.At, input, effect, transition.Decisions, transition.Commands));
        }

        FireWakeUpsUntil(script.Start + script.RunFor);
        return new SimulationTrace(entries, state) { Analytics = analytics };
    }
}
