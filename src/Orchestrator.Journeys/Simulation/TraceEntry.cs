using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Simulation;

/// <summary>One input of a simulation and what the engine did with it.</summary>
/// <param name="At">Virtual time.</param>
/// <param name="Input">What happened: <c>touchpoint TYPE (ID)</c> or <c>wake-up</c>.</param>
/// <param name="Effect">How it was taken: <c>started</c>, <c>applied</c>, or why it was ignored.</param>
/// <param name="Decisions">The engine's decisions.</param>
/// <param name="Commands">The engine's commands.</param>
public sealed record TraceEntry(
    DateTimeOffset At,
    string Input,
    string Effect,
    IReadOnlyList<JourneyDecision> Decisions,
    IReadOnlyList<JourneyCommand> Commands);
