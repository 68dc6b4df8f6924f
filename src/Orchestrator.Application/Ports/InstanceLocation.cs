namespace Orchestrator.Application.Ports;

/// <summary>Where an instance lives, so ops can find it by instance id alone.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="CustomerId">Its customer (the partition holding it).</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="Version">Its journey version.</param>
/// <param name="CreatedTime">When it started.</param>
public sealed record InstanceLocation(string InstanceId, string CustomerId, string JourneyId, int Version, DateTimeOffset CreatedTime);
