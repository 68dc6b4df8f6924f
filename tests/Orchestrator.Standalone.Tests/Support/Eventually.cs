using System.Diagnostics;
using Xunit.Sdk;

namespace Orchestrator.Standalone.Tests.Support;

/// <summary>Waits for something the host does in the background, with a deadline and a message saying what was expected.</summary>
public static class Eventually
{
    /// <summary>How long a condition may take by default: generous for a loaded machine, short for a failing test.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Probes until <paramref name="done"/> holds for the probed value.</summary>
    /// <typeparam name="T">What is probed.</typeparam>
    /// <param name="probe">Reads the current value.</param>
    /// <param name="done">Whether the value is the one expected.</param>
    /// <param name="expectation">What was expected, for the failure message.</param>
    /// <param name="timeout">The deadline; <see cref="DefaultTimeout"/> when null.</param>
    /// <returns>The first value that satisfied <paramref name="done"/>.</returns>
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string expectation, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                throw new XunitException($"Expected {expectation} within {limit.TotalSeconds:0.#} s; the last value seen was: {value}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
