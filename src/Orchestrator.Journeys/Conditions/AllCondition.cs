namespace Orchestrator.Journeys.Conditions;

/// <summary>Holds when every inner condition holds (true when empty).</summary>
/// <param name="Conditions">Inner conditions, evaluated in order until one fails.</param>
public sealed record AllCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    /// <inheritdoc />
    public override bool Evaluate(in EvaluationScope scope, IDictionary<string, string>? observed = null)
    {
        foreach (var condition in Conditions)
        {
            if (!condition.Evaluate(scope, observed))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string Describe() => $"all({string.Join(", ", Conditions.Select(c => c.Describe()))})";

    /// <inheritdoc />
    public override int Depth => 1 + (Conditions.Count == 0 ? 0 : Conditions.Max(c => c.Depth));
}
