using Orchestrator.Application.Instances;

namespace Orchestrator.Application.Customers;

/// <summary>What processing one input for a customer needs, read in one round trip.</summary>
/// <param name="Customer">The customer's bookkeeping.</param>
/// <param name="ActiveInstances">Instances still running or suspended.</param>
/// <param name="TouchpointSeen">
/// Whether the touchpoint being processed is known to have been applied before (dedupe). False may still be a
/// redelivery older than the customer's <see cref="CustomerRecord.RecentTouchpoints"/>: the commit then fails with
/// <see cref="Ports.ConcurrencyConflictException.TouchpointAlreadyRecorded"/>.
/// </param>
public sealed record CustomerSnapshot(CustomerRecord Customer, IReadOnlyList<InstanceRecord> ActiveInstances, bool TouchpointSeen);
