namespace Orchestrator.Journeys.Analytics;

/// <summary>The statistics the analytics use on proportions: Wilson intervals and the pooled two-proportion z-test.</summary>
public static class Proportions
{
    /// <summary>z for a two-sided 95 % level.</summary>
    public const double Z95 = 1.959964;

    /// <summary>The Wilson score interval of a proportion at 95 %.</summary>
    /// <param name="successes">Successes.</param>
    /// <param name="trials">Trials.</param>
    /// <returns>Low and high bounds; null with no trials.</returns>
    public static (double Low, double High)? Wilson(long successes, long trials)
    {
        if (trials <= 0)
        {
            return null;
        }

        double n = trials;
        var p = successes / n;
        const double z2 = Z95 * Z95;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>The pooled two-proportion z statistic of a against b.</summary>
    /// <param name="successesA">Successes in a.</param>
    /// <param name="trialsA">Trials in a.</param>
    /// <param name="successesB">Successes in b.</param>
    /// <param name="trialsB">Trials in b.</param>
    /// <returns>z; 0 when undefined (no trials, or a pooled rate of 0 or 1).</returns>
    public static double TwoProportionZ(long successesA, long trialsA, long successesB, long trialsB)
    {
        if (trialsA <= 0 || trialsB <= 0)
        {
            return 0;
        }

        var pooled = (double)(successesA + successesB) / (trialsA + trialsB);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / trialsA) + (1.0 / trialsB)));
        return se == 0 ? 0 : (((double)successesA / trialsA) - ((double)successesB / trialsB)) / se;
    }

    /// <summary>The two-sided p-value of a z statistic.</summary>
    /// <param name="z">z.</param>
    /// <returns>The p-value.</returns>
    public static double TwoSidedP(double z) => 2 * (1 - NormalCdf(Math.Abs(z)));

    /// <summary>The standard normal distribution function (Abramowitz and Stegun 7.1.26, error below 1.5e-7).</summary>
    /// <param name="x">x.</param>
    /// <returns>P(Z ≤ x).</returns>
    public static double NormalCdf(double x)
    {
        var t = 1 / (1 + (0.3275911 * Math.Abs(x) / Math.Sqrt(2)));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var erf = 1 - (poly * Math.Exp(-(x * x) / 2));
        return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
