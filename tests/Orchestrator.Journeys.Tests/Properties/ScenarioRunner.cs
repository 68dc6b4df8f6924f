using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Properties;

/// <summary>Plays a <see cref="Scenario"/> through the engine as a host would, recording every step.</summary>
internal static class ScenarioRunner
{
    /// <summary>One engine call: the time it ran at, the state before, and the transition.</summary>
    public sealed record Step(DateTimeOffset Now, JourneyState Before, JourneyTransition Transition);

    /// <summary>Runs the scenario; with <paramref name="throughJson"/>, every state goes through JSON before it is used again.</summary>
    public static IReadOnlyList<Step> Run(JourneyDefinition definition, Scenario scenario, bool throughJson = false)
    {
        var now = Clock.T0;
        var trigger = new Touchpoint(scenario.TriggerId, definition.Entry.Event, "gen", Touchpoints.CustomerId, now, Json.Parse(scenario.TriggerData));
        var start = JourneyEngine.Start(definition, trigger, now);
        var steps = new List<Step> { new(now, start.State, start) };
        var state = start.State;

        for (var i = 0; i < scenario.Moves.Count; i++)
        {
            var move = scenario.Moves[i];
            now += move.Advance;
            JourneyInput input;
            switch (move)
            {
                case TouchMove touch:
                    input = new TouchpointReceived(new Touchpoint($"evt-{i}", touch.Type, "gen", Touchpoints.CustomerId, now, Json.ParseOrNull(touch.Data)));
                    break;
                case WakeWhenDueMove:
                    now = state.NextWakeUpAt is { } due && due > now ? due : now;
                    input = WakeUp.Instance;
                    break;
                case StopMove:
                    input = new StopRequested("generated");
                    break;
                default:
                    input = WakeUp.Instance;
                    break;
            }

            var before = throughJson ? Serialized.RoundTrip(state) : state;
            var transition = JourneyEngine.Apply(definition, before, input, now);
            steps.Add(new Step(now, before, transition));
            state = transition.State;
        }

        return steps;
    }

    /// <summary>The run as the exact JSON of every transition, for byte-for-byte comparisons.</summary>
    public static IReadOnlyList<string> Serialize(IReadOnlyList<Step> steps) =>
        [.. steps.Select(s => Serialized.Of(s.Transition))];
}
