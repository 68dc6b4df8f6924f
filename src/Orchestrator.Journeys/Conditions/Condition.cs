namespace Orchestrator.Journeys.Conditions;

/// <summary>
/// A structured condition: <c>all</c>, <c>any</c>, <c>not</c> or a field comparison. The set is closed;
/// evaluation is a bounded walk of the tree and runs no code from the definition.
/// </summary>
public abstract record Condition
{
    // Only the types in this assembly derive from it: the set is closed.
    private protected Condition()
    {
    }

    /// <summary>Evaluates the condition.</summary>
    /// <param name="scope">What fields resolve against.</param>
    /// <param name="observed">When given, receives each field read and its value as raw JSON, to explain the decision.</param>
    /// <returns>Whether the condition holds.</returns>
    public abstract bool Evaluate(in EvaluationScope scope, IDictionary<string, string>? observed = null);

    /// <summary>A compact human-readable form, such as <c>event.data.amount gt 0</c>.</summary>
    /// <returns>The description.</returns>
    public abstract string Describe();

    /// <summary>Nesting depth of the tree (a leaf is 1).</summary>
    public abstract int Depth { get; }
}
