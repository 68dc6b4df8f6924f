using Orchestrator.Journeys.Conditions;

namespace Orchestrator.Journeys.Definitions;

/// <summary>Takes the first case whose condition holds, else the default.</summary>
/// <param name="Id">Step id.</param>
/// <param name="Cases">Ordered cases.</param>
/// <param name="Default">The step taken when no case holds.</param>
public sealed record BranchStep(string Id, IReadOnlyList<BranchCase> Cases, string Default) : JourneyStep(Id)
{
    /// <inheritdoc />
    public override IEnumerable<string> Successors => Cases.Select(c => c.Next).Append(Default);

    /// <inheritdoc />
    public override TResult Match<TResult>(IStepCases<TResult> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.OnBranch(this);
    }
}

/// <summary>One case of a <see cref="BranchStep"/>.</summary>
/// <param name="When">The condition.</param>
/// <param name="Next">The step taken when it holds.</param>
public sealed record BranchCase(Condition When, string Next);
