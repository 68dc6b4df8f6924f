namespace Orchestrator.Journeys.Engine;

/// <summary>The result of starting an instance or applying an input to one.</summary>
/// <param name="State">The new state.</param>
/// <param name="Commands">What the host must do, in order.</param>
/// <param name="Decisions">What the engine decided, in order, for the host to persist.</param>
public sealed record JourneyTransition(
    JourneyState State,
    IReadOnlyList<JourneyCommand> Commands,
    IReadOnlyList<JourneyDecision> Decisions);
