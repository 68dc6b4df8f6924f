using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Application.Processing;

/// <summary>An entry a touchpoint did not make.</summary>
/// <param name="Definition">The journey version it would have started.</param>
/// <param name="Reason"><c>filter</c>, <c>reentry</c>, <c>cooldown</c> or <c>suppressed</c>.</param>
public sealed record RefusedEntry(JourneyDefinition Definition, string Reason);
