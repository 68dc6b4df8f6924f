namespace Orchestrator.Journeys.Definitions;

/// <summary>Waits for a duration, until an instant taken from a field, or until a local-time window opens.</summary>
/// <param name="Id">Step id.</param>
/// <param name="Duration">Fixed wait.</param>
/// <param name="Until">Field holding an ISO 8601 date-time to wait for.</param>
/// <param name="Window">Local-time window to wait for.</param>
/// <param name="Next">The step after the delay.</param>
/// <remarks>Exactly one of <paramref name="Duration"/>, <paramref name="Until"/> and <paramref name="Window"/> is set.</remarks>
public sealed record DelayStep(string Id, TimeSpan? Duration, Conditions.FieldPath? Until, TimeWindow? Window, string Next)
    : JourneyStep(Id)
{
    /// <inheritdoc />
    public override IEnumerable<string> Successors => [Next];

    /// <inheritdoc />
    public override bool Waits => true;
}
