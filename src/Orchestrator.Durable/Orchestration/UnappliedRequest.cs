namespace Orchestrator.Durable.Orchestration;

/// <summary>Input of <see cref="JourneyOrchestrationNames.TakeUnapplied"/>.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="Applied">Ids of the touchpoints the orchestration applied lately (its whole remembered window).</param>
public sealed record UnappliedRequest(string CustomerId, string InstanceId, IReadOnlyList<string> Applied);
