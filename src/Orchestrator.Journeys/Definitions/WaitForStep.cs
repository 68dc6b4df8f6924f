namespace Orchestrator.Journeys.Definitions;

/// <summary>Waits for one of several touchpoints, or a timeout.</summary>
/// <param name="Id">Step id.</param>
/// <param name="Events">Candidate events, tried in order; the first that matches is taken.</param>
/// <param name="Timeout">How long to wait; forever when null.</param>
/// <param name="OnTimeout">The step taken when the timeout elapses.</param>
public sealed record WaitForStep(string Id, IReadOnlyList<WaitForEvent> Events, TimeSpan? Timeout, string? OnTimeout)
    : JourneyStep(Id)
{
    /// <inheritdoc />
    public override IEnumerable<string> Successors =>
        OnTimeout is null ? Events.Select(e => e.Next) : Events.Select(e => e.Next).Append(OnTimeout);

    /// <inheritdoc />
    public override bool Waits => true;

    /// <inheritdoc />
    public override TResult Match<TResult>(IStepCases<TResult> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.OnWaitFor(this);
    }
}
