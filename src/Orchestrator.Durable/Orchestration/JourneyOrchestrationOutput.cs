namespace Orchestrator.Durable.Orchestration;

/// <summary>How a journey orchestration ended.</summary>
/// <param name="Outcome">The journey outcome (<c>success</c>, <c>failure</c>, <c>neutral</c>, …).</param>
/// <param name="Reason">Why, when known.</param>
/// <param name="Step">The step it ended at.</param>
public sealed record JourneyOrchestrationOutput(string? Outcome, string? Reason, string? Step);
