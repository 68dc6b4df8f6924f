using System.Globalization;
using FsCheck;

namespace Orchestrator.Standalone.Tests.Fuzz;

/// <summary>
/// The seed of a fuzz run: new on every run, so runs explore different inputs, and named in every failure, so
/// <c>FUZZ_SEED=&lt;seed&gt;</c> replays exactly that run.
/// </summary>
public static class FuzzSeed
{
    /// <summary>The seed of this run.</summary>
    public static ulong Value { get; } =
        ulong.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : (ulong)Random.Shared.NextInt64(1, long.MaxValue);

    /// <summary>A random source from the seed, for one test.</summary>
    /// <param name="salt">Keeps the tests of one run on different streams.</param>
    /// <returns>The source.</returns>
    public static Rnd For(int salt) => new(Value + (ulong)salt);
}
