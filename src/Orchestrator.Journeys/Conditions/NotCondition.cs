namespace Orchestrator.Journeys.Conditions;

/// <summary>Holds when the inner condition does not.</summary>
/// <param name="Inner">The negated condition.</param>
public sealed record NotCondition(Condition Inner) : Condition
{
    /// <inheritdoc />
    public override bool Evaluate(in EvaluationScope scope, IDictionary<string, string>? observed = null) =>
        !Inner.Evaluate(scope, observed);

    /// <inheritdoc />
    public override string Describe() => $"not({Inner.Describe()})";

    /// <inheritdoc />
    public override int Depth => 1 + Inner.Depth;
}
