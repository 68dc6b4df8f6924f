using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Customers;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Simulation;

/// <summary>
/// Runs a definition on a scripted touchpoint stream with a virtual clock, the way a host would:
/// the first touchpoint matching the entry starts the instance, and every wake-up the engine asks for
/// fires at exactly its due time, before any touchpoint at or after that time. The customer's profile starts as the
/// script gives it; a <see cref="ProfileChange.DefaultTouchpointType"/> touchpoint merges its data in, and every
/// touchpoint updates the profile's facts before the engine sees it, as the hosts do.
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
        var profile = script.Customer?.ApplyTo(CustomerProfile.Empty, script.Start, "simulator", "/customer", new List<Parsing.DefinitionError>())
            ?? CustomerProfile.Empty;
        JourneyContext Context() => new() { Customer = profile, Arms = script.Arms };

        void Track(JourneyTransition transition)
        {
            var after = transition.State;
            var ended = after.Status == JourneyStatus.Completed && state?.Status != JourneyStatus.Completed && after.Outcome is { } outcome
                ? new[] { new OutcomeFact(after.JourneyId, after.InstanceId, outcome, after.UpdatedAt) }
                : [];
            var presence = after.Status == JourneyStatus.Completed ? [] : new[] { new JourneyPresence(after.JourneyId, after.InstanceId, after.CurrentStep) };
            profile = profile with { Facts = profile.Facts.With(presence, ended) };
        }

        void FireWakeUpsUntil(DateTimeOffset limit)
        {
            while (state is { NextWakeUpAt: { } due } && due <= limit && wakeUps++ < MaxWakeUps)
            {
                var transition = JourneyEngine.Apply(definition, state, WakeUp.Instance, due, Context());
                AnalyticsDelta.Add(definition, state, transition, analytics);
                Track(transition);
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
            profile = Profiled(profile, touchpoint);

            if (state is null)
            {
                if (!EntryRules.Matches(definition, touchpoint, profile))
                {
                    if (touchpoint.Type == definition.Entry.Event)
                    {
                        analytics.Add(CounterNames.Refused("filter"));
                    }


                    entries.Add(new TraceEntry(scripted.At, input, "ignored: does not match entry", [], []));
                    continue;
                }

                var started = JourneyEngine.Start(definition, touchpoint, scripted.At, Context());
                AnalyticsDelta.Add(definition, null, started, analytics);
                Track(started);
                state = started.State;
                entries.Add(new TraceEntry(scripted.At, input, "started", started.Decisions, started.Commands));
                continue;
            }

            var transition = JourneyEngine.Apply(definition, state, new TouchpointReceived(touchpoint), scripted.At, Context());
            AnalyticsDelta.Add(definition, state, transition, analytics);
            Track(transition);
            var effect = transition.Decisions.Count > 0 ? "applied"
                : state.Status == JourneyStatus.Completed ? "ignored: instance completed"
                : "ignored: not awaited";
            state = transition.State;
            entries.Add(new TraceEntry(scripted.At, input, effect, transition.Decisions, transition.Commands));
        }

        FireWakeUpsUntil(script.Start + script.RunFor);
        return new SimulationTrace(entries, state) { Analytics = analytics };
    }

    // A profile touchpoint whose data is not a valid change leaves the attributes as they were, as a host does.
    private static CustomerProfile Profiled(CustomerProfile profile, Touchpoint touchpoint)
    {
        if (touchpoint.Type == ProfileChange.DefaultTouchpointType && touchpoint.Data is { } data)
        {
            var errors = new List<Parsing.DefinitionError>();
            profile = ProfileChange.Read(data, "/data", errors)?.ApplyTo(profile, touchpoint.Time, touchpoint.Source, "/data", errors) ?? profile;
        }

        return profile with { Facts = profile.Facts.After(touchpoint) };
    }
}
