namespace Orchestrator.Durable.Orchestration;

/// <summary>Input of <see cref="JourneyOrchestrationNames.LoadDefinition"/> and <see cref="JourneyOrchestrationNames.LoadArmFigures"/>.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The version.</param>
public sealed record DefinitionRequest(string JourneyId, int Version);
