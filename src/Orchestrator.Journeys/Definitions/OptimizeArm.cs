namespace Orchestrator.Journeys.Definitions;

/// <summary>One arm of an <see cref="OptimizeStep"/>.</summary>
/// <param name="Next">The step taken when assigned.</param>
/// <param name="Label">Name reported in decisions and figures (defaults to <paramref name="Next"/>); unique in its step.</param>
public sealed record OptimizeArm(string Next, string Label);
