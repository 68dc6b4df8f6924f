namespace Orchestrator.Application.Processing;

/// <summary>
/// A group commit that failed after its first transactions were written: says what became of the inputs already
/// settled, so a caller that retries the rest does not report those as duplicates of themselves.
/// </summary>
public sealed class GroupPartlyAppliedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="settled">What happened to the group's first inputs, in order.</param>
    /// <param name="innerException">Why the next transaction failed.</param>
    public GroupPartlyAppliedException(IReadOnlyList<ProcessResult> settled, Exception innerException)
        : base($"A group commit failed after its first {settled?.Count} input(s) were settled: {innerException?.Message}", innerException)
    {
        ArgumentNullException.ThrowIfNull(settled);
        Settled = settled;
    }

    /// <summary>What happened to the group's first inputs, in the group's order; the rest were not written.</summary>
    public IReadOnlyList<ProcessResult> Settled { get; }
}
