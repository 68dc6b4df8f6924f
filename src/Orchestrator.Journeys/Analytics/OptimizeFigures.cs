using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Analytics;

/// <summary>Reads the figures of a journey version's <c>optimize</c> arms out of its folded counters.</summary>
public static class OptimizeFigures
{
    /// <summary>Whether a definition has an <c>optimize</c> step, so its hosts need figures at all.</summary>
    /// <param name="definition">The journey version.</param>
    /// <returns>True when it has one.</returns>
    public static bool Needed(JourneyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        // Asked before every engine call: answered from the plan derived once per definition, not by a scan.
        return JourneyPlan.For(definition).HasOptimize;
    }

    /// <summary>Each optimize arm's ended instances and rewarded goals, keyed by <see cref="ArmFigures.Key"/>.</summary>
    /// <param name="definition">The journey version.</param>
    /// <param name="counters">Its counters since it was deployed (the total bucket).</param>
    /// <returns>The figures of every arm, zero for an arm not seen yet.</returns>
    public static Dictionary<string, ArmFigures> From(JourneyDefinition definition, AnalyticsCounters counters)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(counters);
        var figures = new Dictionary<string, ArmFigures>(StringComparer.Ordinal);
        foreach (var step in definition.Steps.Values.OfType<OptimizeStep>())
        {
            foreach (var label in step.Labels)
            {
                figures[ArmFigures.Key(step.Id, label)] = new ArmFigures(
                    counters[CounterNames.SignalSeen(Signal.Arm(step.Id, label))],
                    counters[CounterNames.ArmReward(step.Id, label)]);
            }
        }

        return figures;
    }
}
