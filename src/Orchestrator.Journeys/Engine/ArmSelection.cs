using System.Globalization;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Engine;

/// <summary>
/// How an <c>optimize</c> step picks an arm: the holdout by its fixed share, else with probability
/// <see cref="OptimizeStep.Explore"/> an arm uniformly, else Thompson sampling (one Beta draw per arm, the largest wins).
/// </summary>
/// <remarks>
/// Pure: every draw comes from a <see cref="SeededRandom"/> seeded by the instance and step, and the figures come
/// from the <see cref="JourneyContext"/> the host passed, so the same instance, step and figures always pick the same
/// arm. The values returned record the figures and every draw, so a decision can be explained and recomputed.
/// </remarks>
internal static class ArmSelection
{
    /// <summary>Picks an arm.</summary>
    /// <param name="step">The step.</param>
    /// <param name="instanceId">The instance, which seeds the draws.</param>
    /// <param name="context">The arms' figures.</param>
    /// <returns>The label and next step chosen, and the values that chose them (raw JSON).</returns>
    public static (string Label, string Next, Dictionary<string, string> Values) Choose(OptimizeStep step, string instanceId, JourneyContext context)
    {
        var random = new SeededRandom(StableHash.Of(instanceId, step.Id));
        var values = new Dictionary<string, string>(2 + (3 * step.Arms.Count), StringComparer.Ordinal);
        if (step.Holdout is { } holdout && random.NextDouble() < holdout.Share)
        {
            values["mode"] = "\"holdout\"";
            values["holdout.share"] = Number(holdout.Share);
            return (holdout.Label, holdout.Next, values);
        }

        var exploring = random.NextDouble() < step.Explore;
        values["mode"] = exploring ? "\"explore\"" : "\"exploit\"";
        foreach (var arm in step.Arms)
        {
            var figures = FiguresOf(step, arm, context);
            values[$"{arm.Label}.instances"] = figures.Instances.ToString(CultureInfo.InvariantCulture);
            values[$"{arm.Label}.goals"] = figures.Goals.ToString(CultureInfo.InvariantCulture);
        }

        if (exploring)
        {
            var index = Math.Min(step.Arms.Count - 1, (int)(random.NextDouble() * step.Arms.Count));
            values["explore"] = Number(step.Explore);
            return (step.Arms[index].Label, step.Arms[index].Next, values);
        }

        OptimizeArm? best = null;
        var bestSample = double.NegativeInfinity;
        foreach (var arm in step.Arms)
        {
            // Figures from a store are never inconsistent, but a hand-written scenario may be: clamp, never throw.
            var figures = FiguresOf(step, arm, context);
            var goals = Math.Max(0, figures.Goals);
            var misses = Math.Max(0, figures.Instances - goals);
            var sample = random.NextBeta(goals + 1.0, misses + 1.0);
            values[$"{arm.Label}.sample"] = Number(sample);
            if (sample > bestSample)
            {
                best = arm;
                bestSample = sample;
            }
        }

        return (best!.Label, best.Next, values);
    }

    private static ArmFigures FiguresOf(OptimizeStep step, OptimizeArm arm, JourneyContext context) =>
        context.Arms.GetValueOrDefault(ArmFigures.Key(step.Id, arm.Label)) ?? ArmFigures.None;

    private static string Number(double value) => Math.Round(value, 6).ToString("R", CultureInfo.InvariantCulture);
}
