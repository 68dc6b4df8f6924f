using Orchestrator.Application.Instances;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Application.Queries;

/// <summary>One of a customer's journey instances, as listed for the customer.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Journey">The journey.</param>
/// <param name="Version">The journey version.</param>
/// <param name="RuntimeStatus">Durable runtime status.</param>
/// <param name="CurrentStep">The current (or final) step.</param>
/// <param name="Outcome">The outcome, once completed.</param>
/// <param name="CreatedTime">When it started.</param>
/// <param name="LastUpdatedTime">When it last changed.</param>
public sealed record CustomerJourney(
    string InstanceId,
    string Journey,
    int Version,
    InstanceRuntimeStatus RuntimeStatus,
    string? CurrentStep,
    JourneyOutcome? Outcome,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime);
