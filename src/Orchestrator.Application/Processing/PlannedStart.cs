using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Application.Processing;

/// <summary>A new instance a touchpoint starts.</summary>
/// <param name="Definition">The active version of the journey entered.</param>
/// <param name="InstanceId">The deterministic instance id.</param>
public sealed record PlannedStart(JourneyDefinition Definition, string InstanceId);
