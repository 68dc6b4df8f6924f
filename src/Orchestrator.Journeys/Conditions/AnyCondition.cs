namespace Orchestrator.Journeys.Conditions;

/// <summary>Holds when at least one inner condition holds (false when empty).</summary>
/// <param name="Conditions">Inner conditions, evaluated in order until one holds.</param>
public sealed record AnyCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    /// <inheritdoc />
    public override bool Evaluate(in EvaluationScope scope, IDictionary<string, string>? observed = null)
    {
        foreach (var condition in Conditions)
        {
            if (condition.Evaluate(scope, observed))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string Describe() => $"any({string.Join(", ", Conditions.Select(c => c.Describe()))})";

    /// <inheritdoc />
    public override int Depth => 1 + (Conditions.Count == 0 ? 0 : Conditions.Max(c => c.Depth));
}
