namespace Orchestrator.Journeys.Definitions;

/// <summary>
/// Assigns the instance to the arm most likely to reach the journey's goal, learning from the arms' figures:
/// Thompson sampling over each arm's Beta(goals + 1, misses + 1) posterior, with a share of uniform exploration and
/// an optional holdout that always keeps its fixed share.
/// </summary>
/// <param name="Id">Step id.</param>
/// <param name="Arms">The arms optimised between; at least two, labels unique.</param>
/// <param name="Explore">Probability in [0, 1] of picking an arm uniformly instead of by its sample.</param>
/// <param name="Horizon">A goal counts as an arm's reward only when reached within this time of the instance's start; null for any time.</param>
/// <param name="Holdout">An arm outside the optimisation that always gets its share, or null.</param>
public sealed record OptimizeStep(string Id, IReadOnlyList<OptimizeArm> Arms, double Explore, TimeSpan? Horizon, OptimizeHoldout? Holdout)
    : JourneyStep(Id)
{
    /// <summary>The exploration share when the definition does not say: one assignment in ten is uniform.</summary>
    public const double DefaultExplore = 0.1;

    /// <inheritdoc />
    public override IEnumerable<string> Successors =>
        Holdout is { } holdout ? Arms.Select(a => a.Next).Append(holdout.Next) : Arms.Select(a => a.Next);

    /// <summary>Every arm's label, the holdout's last.</summary>
    public IEnumerable<string> Labels =>
        Holdout is { } holdout ? Arms.Select(a => a.Label).Append(holdout.Label) : Arms.Select(a => a.Label);

    /// <inheritdoc />
    public override TResult Match<TResult>(IStepCases<TResult> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.OnOptimize(this);
    }
}
