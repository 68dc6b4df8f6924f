namespace Orchestrator.Journeys.Simulation;

/// <summary>What a scenario expects of its run; every part is optional.</summary>
/// <param name="Outcome">An outcome name, <c>running</c> or <c>notStarted</c>.</param>
/// <param name="Actions">Every action sent, in order, as <c>channel/action</c>.</param>
/// <param name="Steps">Every step entered, in order.</param>
public sealed record SimulationExpectation(string? Outcome, IReadOnlyList<string>? Actions, IReadOnlyList<string>? Steps);
