namespace Orchestrator.Journeys.Engine;

/// <summary>
/// FNV-1a over UTF-16 code units: the same on every process, machine and .NET version, unlike
/// <see cref="string.GetHashCode()"/>, so a split assigns an instance the same branch on every replay.
/// </summary>
internal static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>A value in [0, 1) fixed by the two strings.</summary>
    public static double Fraction(string first, string second) =>
        // The top 53 bits fill a double's mantissa exactly.
        (Of(first, second) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A 64-bit value fixed by the two strings, such as the seed of a <see cref="SeededRandom"/>.</summary>
    public static ulong Of(string first, string second)
    {
        var hash = OffsetBasis;
        hash = Mix(hash, first);
        hash = (hash ^ '\n') * Prime;
        return Mix(hash, second);
    }

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }
}
