using Orchestrator.Journeys.Templates;

namespace Orchestrator.Journeys.Definitions;

/// <summary>Assigns instance variables from templates or literals.</summary>
/// <param name="Id">Step id.</param>
/// <param name="Vars">Variable name to value; string values may hold <c>{{…}}</c> templates.</param>
/// <param name="Next">The step after the assignment.</param>
public sealed record SetStep(string Id, IReadOnlyDictionary<string, JsonTemplate> Vars, string Next) : JourneyStep(Id)
{
    /// <inheritdoc />
    public override IEnumerable<string> Successors => [Next];

    /// <inheritdoc />
    public override TResult Match<TResult>(IStepCases<TResult> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.OnSet(this);
    }
}
