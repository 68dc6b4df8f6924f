namespace Orchestrator.Standalone.Contracts;

/// <summary>The answer to a purge, as the Durable Functions extension's <c>PurgeHistoryResult</c>.</summary>
/// <param name="InstancesDeleted">Instances removed.</param>
public sealed record InstancesPurged(int InstancesDeleted);
