namespace Orchestrator.Journeys.Definitions;

/// <summary>The holdout of an <see cref="OptimizeStep"/>: assigned its fixed share whatever the figures say.</summary>
/// <param name="Next">The step taken when assigned.</param>
/// <param name="Label">Name reported in decisions and figures (defaults to <c>holdout</c>).</param>
/// <param name="Share">Fraction of instances held out, in (0, 1).</param>
public sealed record OptimizeHoldout(string Next, string Label, double Share);
