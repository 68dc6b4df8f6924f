namespace Orchestrator.Journeys.Engine;

/// <summary>
/// A deterministic generator of random draws: SplitMix64 for uniforms, the polar method for normals and
/// Marsaglia–Tsang for Gamma, hence Beta. Seeded from a <see cref="StableHash"/> of instance and step, so a replay
/// draws exactly the same numbers.
/// </summary>
/// <remarks>
/// Written out rather than borrowed from <c>System.Random</c>, whose algorithm is not promised to stay the same
/// across .NET versions (and which the engine's banned-API list forbids). Only IEEE-exact operations and
/// <see cref="Math.Log(double)"/>/<see cref="Math.Sqrt"/> are used.
/// </remarks>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A uniform draw in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A draw from Beta(<paramref name="alpha"/>, <paramref name="beta"/>) as X / (X + Y) of two Gamma draws.</summary>
    /// <param name="alpha">First shape, at least 1.</param>
    /// <param name="beta">Second shape, at least 1.</param>
    public double NextBeta(double alpha, double beta)
    {
        var x = NextGamma(alpha);
        var y = NextGamma(beta);
        return x / (x + y);
    }

    /// <summary>A draw from Gamma(<paramref name="shape"/>, 1) by Marsaglia and Tsang's squeeze method (shape ≥ 1).</summary>
    /// <param name="shape">The shape, at least 1 (an arm's counts plus one always are).</param>
    public double NextGamma(double shape)
    {
        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal();
                v = 1.0 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = NextDouble();
            var xx = x * x;
            if (u < 1.0 - (0.0331 * xx * xx) || Math.Log(u) < (0.5 * xx) + (d * (1.0 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    /// <summary>A standard normal draw by Marsaglia's polar method (no trigonometry, so no platform-dependent rounding there).</summary>
    public double NextNormal()
    {
        while (true)
        {
            var u = (2.0 * NextDouble()) - 1.0;
            var v = (2.0 * NextDouble()) - 1.0;
            var s = (u * u) + (v * v);
            if (s > 0 && s < 1)
            {
                return u * Math.Sqrt(-2.0 * Math.Log(s) / s);
            }
        }
    }

    private ulong Next()
    {
        // SplitMix64 (Steele, Lea and Flood): a Weyl sequence through a strong finaliser.
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
