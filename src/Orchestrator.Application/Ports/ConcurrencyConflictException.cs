namespace Orchestrator.Application.Ports;

/// <summary>
/// A write lost a race: the stored item changed since it was read (or already exists, for an insert).
/// Stores raise it instead of their SDK's status codes; callers reload and retry.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConcurrencyConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What conflicted.</param>
    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the store's own error.</summary>
    /// <param name="message">What conflicted.</param>
    /// <param name="innerException">The store's error.</param>
    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Whether the conflict is the commit's dedupe marker: the touchpoint was applied before, so the input is a
    /// duplicate to drop, not a race to retry.
    /// </summary>
    public bool TouchpointAlreadyRecorded { get; init; }

    /// <summary>
    /// With <see cref="TouchpointAlreadyRecorded"/>, the ids of the commit's touchpoints found applied before, so a
    /// group commit drops just those and writes the rest; empty when the store does not say.
    /// </summary>
    public IReadOnlyList<string> RecordedTouchpointIds { get; init; } = [];

    /// <summary>The position of the write that lost, in a batch of writes, when the store says.</summary>
    public int? FailedWrite { get; init; }
}
