namespace Orchestrator.Journeys.Definitions;

/// <summary>Assigns the instance to one weighted branch by a stable hash of instance and step.</summary>
/// <param name="Id">Step id.</param>
/// <param name="Branches">Weighted branches; a holdout group is just a branch.</param>
public sealed record SplitStep(string Id, IReadOnlyList<SplitBranch> Branches) : JourneyStep(Id)
{
    /// <inheritdoc />
    public override IEnumerable<string> Successors => Branches.Select(b => b.Next);

    /// <inheritdoc />
    public override TResult Match<TResult>(IStepCases<TResult> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.OnSplit(this);
    }
}

/// <summary>One branch of a <see cref="SplitStep"/>.</summary>
/// <param name="Weight">Relative weight; non-negative.</param>
/// <param name="Next">The step taken when assigned.</param>
/// <param name="Label">Name reported in decisions and metrics (defaults to <paramref name="Next"/>).</param>
public sealed record SplitBranch(double Weight, string Next, string? Label);
