using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Application.Ports;

/// <summary>What a migration does to instances at a step its map does not name: end them, with this outcome and reason.</summary>
/// <param name="Outcome">The outcome they end with.</param>
/// <param name="Reason">The reason recorded.</param>
public sealed record UnmappedInstances(JourneyOutcome Outcome, string Reason)
{
    /// <summary>The reason recorded when the request names none.</summary>
    public const string DefaultReason = "migrated-out";
}
