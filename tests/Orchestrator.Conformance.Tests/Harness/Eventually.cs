using System.Diagnostics;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>Waits for a condition with a deadline instead of sleeping; the failure says what was expected.</summary>
public static class Eventually
{
    /// <summary>How often the condition is probed.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Probes until <paramref name="done"/> holds for the probed value.</summary>
    /// <typeparam name="T">What the probe reads.</typeparam>
    /// <param name="probe">Reads the current value; an <see cref="HttpRequestException"/> counts as "not yet".</param>
    /// <param name="done">Whether the value is the one waited for.</param>
    /// <param name="deadline">How long to wait.</param>
    /// <param name="expected">Describes what was expected, given the last value read (default when none was).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first value for which <paramref name="done"/> held.</returns>
    /// <exception cref="TimeoutException">The deadline passed; the message says what was expected and what was last seen.</exception>
    public static async Task<T> MatchesAsync<T>(
        Func<Task<T>> probe,
        Func<T, bool> done,
        TimeSpan deadline,
        Func<T?, string> expected,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(expected);
        var watch = Stopwatch.StartNew();
        T? last = default;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                last = await probe();
                lastError = null;
                if (done(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException exception)
            {
                lastError = exception;
            }

            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException($"Waited {deadline.TotalSeconds:0.#} s for: {expected(last)}", lastError);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Probes until <paramref name="condition"/> holds.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="deadline">How long to wait.</param>
    /// <param name="expected">What was expected, for the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes once the condition held.</returns>
    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan deadline, Func<string> expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return MatchesAsync(condition, held => held, deadline, _ => expected(), cancellationToken);
    }
}
