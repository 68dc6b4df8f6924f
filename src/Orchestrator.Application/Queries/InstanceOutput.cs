using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Application.Queries;

/// <summary>The <c>output</c> of a completed instance.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Reason">Why, when known.</param>
public sealed record InstanceOutput(JourneyOutcome Outcome, string? Reason);
