namespace Orchestrator.Durable.Orchestration;

/// <summary>Input of <see cref="JourneyOrchestrationNames.ReleaseDeferred"/>.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="InstanceId">The instance.</param>
public sealed record DeferredRequest(string CustomerId, string InstanceId);
