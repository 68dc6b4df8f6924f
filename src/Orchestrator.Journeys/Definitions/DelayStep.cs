namespace Orchestrator.Journeys.Definitions;

/// <summary>Waits for a duration, until an instant taken from a field, or until a local-time window opens.</summary>
/// <param name="Id">Step id.</param>
/// <param name="Target">What the delay waits for: exactly one of the three kinds, by construction.</param>
/// <param name="Next">The step after the delay.</param>
public sealed record DelayStep(string Id, DelayTarget Target, string Next) : JourneyStep(Id)
{
    /// <inheritdoc />
    public override IEnumerable<string> Successors => [Next];

    /// <inheritdoc />
    public override bool Waits => true;

    /// <inheritdoc />
    public override TResult Match<TResult>(IStepCases<TResult> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.OnDelay(this);
    }
}
