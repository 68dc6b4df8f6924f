using Orchestrator.Application.Instances;

namespace Orchestrator.Application.Customers;

/// <summary>What processing one input for a customer needs, read in one round trip.</summary>
/// <param name="Customer">The customer's bookkeeping.</param>
/// <param name="ActiveInstances">Instances still running or suspended.</param>
/// <param name="TouchpointSeen">Whether the touchpoint being processed was applied before (dedupe).</param>
public sealed record CustomerSnapshot(CustomerRecord Customer, IReadOnlyList<InstanceRecord> ActiveInstances, bool TouchpointSeen);
