namespace Orchestrator.Console.Tests.Support;

/// <summary>Waits for a condition with a deadline, never for a fixed time.</summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls until the condition holds.</summary>
    /// <param name="condition">What must become true.</param>
    /// <param name="deadline">How long to wait.</param>
    /// <param name="expected">What was expected, for the failure message.</param>
    /// <returns>A task that completes when it holds.</returns>
    /// <exception cref="TimeoutException">It did not hold in time.</exception>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan deadline, Func<string> expected)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(expected);
        using var timeout = new CancellationTokenSource(deadline);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {deadline.TotalSeconds:0} s for {expected()}.");
            }

            await Task.Delay(Poll, CancellationToken.None);
        }
    }
}
