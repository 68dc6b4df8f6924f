namespace Orchestrator.Application.Ports;

/// <summary>A durable wake-up for an instance.</summary>
/// <param name="CustomerId">The instance's customer.</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="DueAt">When it is due.</param>
public sealed record DueTimer(string CustomerId, string InstanceId, DateTimeOffset DueAt);
