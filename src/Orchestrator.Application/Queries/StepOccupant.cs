using Orchestrator.Application.Instances;

namespace Orchestrator.Application.Queries;

/// <summary>A running (or suspended) instance of a journey version, listed by the step it is at.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Version">The journey version.</param>
/// <param name="RuntimeStatus">Running or Suspended.</param>
/// <param name="Step">The step it is at.</param>
/// <param name="StepEnteredAt">When it entered that step, when known.</param>
/// <param name="CreatedTime">When it started.</param>
/// <param name="LastUpdatedTime">When it last changed.</param>
public sealed record StepOccupant(
    string InstanceId,
    string CustomerId,
    int Version,
    InstanceRuntimeStatus RuntimeStatus,
    string? Step,
    DateTimeOffset? StepEnteredAt,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime);
