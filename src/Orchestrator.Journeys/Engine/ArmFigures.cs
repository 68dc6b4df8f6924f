namespace Orchestrator.Journeys.Engine;

/// <summary>What an <c>optimize</c> step's arm has earned so far: the evidence its posterior is drawn from.</summary>
/// <param name="Instances">Ended instances assigned to the arm.</param>
/// <param name="Goals">Of them, those whose goal counted as the arm's reward (within the step's horizon).</param>
public sealed record ArmFigures(long Instances, long Goals)
{
    /// <summary>No evidence: the arm acts as Beta(1, 1), a uniform prior.</summary>
    public static ArmFigures None { get; } = new(0, 0);

    /// <summary>The key of an arm's figures in <see cref="JourneyContext.Arms"/>: <c>{step}/{label}</c>.</summary>
    /// <param name="step">The optimize step's id.</param>
    /// <param name="label">The arm's label.</param>
    /// <returns>The key.</returns>
    public static string Key(string step, string label) => $"{step}/{label}";
}
