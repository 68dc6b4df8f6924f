namespace Orchestrator.Journeys.Definitions;

/// <summary>Ends the instance.</summary>
/// <param name="Id">Step id.</param>
/// <param name="Outcome">Success, failure or neutral.</param>
/// <param name="Reason">Optional reason, reported with the outcome.</param>
public sealed record EndStep(string Id, JourneyOutcome Outcome, string? Reason) : JourneyStep(Id)
{
    /// <inheritdoc />
    public override IEnumerable<string> Successors => [];

    /// <inheritdoc />
    public override TResult Match<TResult>(IStepCases<TResult> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.OnEnd(this);
    }
}
