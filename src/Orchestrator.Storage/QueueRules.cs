namespace Orchestrator.Storage;

/// <summary>Storage Queue limits, checked the same way by the Azure and in-memory queues.</summary>
internal static class QueueRules
{
    /// <summary>Most messages one receive returns.</summary>
    public const int MaxReceive = 32;

    /// <summary>Longest a message may stay invisible.</summary>
    public static readonly TimeSpan MaxInvisibility = TimeSpan.FromDays(7);

    /// <summary>Checks a receive.</summary>
    /// <param name="max">Most messages.</param>
    /// <param name="visibilityTimeout">How long they stay hidden.</param>
    public static void ValidateReceive(int max, TimeSpan visibilityTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, MaxReceive);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(visibilityTimeout, MaxInvisibility);
    }

    /// <summary>Checks a send delay.</summary>
    /// <param name="delay">How long the message stays hidden.</param>
    public static void ValidateDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delay, MaxInvisibility);
    }

    /// <summary>The service counts invisibility in whole seconds, dropping the fraction.</summary>
    /// <param name="span">A requested time span.</param>
    /// <returns>The span the service applies.</returns>
    public static TimeSpan WholeSeconds(TimeSpan span) => TimeSpan.FromSeconds(Math.Floor(span.TotalSeconds));
}
