using Orchestrator.Application.Actions;
using Orchestrator.Application.Analytics;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;

namespace Orchestrator.Application.Ports;

/// <summary>
/// A customer's journeys, timeline, dedupe markers and action outbox, kept together so that one input
/// costs one read and one atomic write.
/// </summary>
public interface ICustomerStore
{
    /// <summary>Reads what processing an input needs, in one round trip.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="touchpointId">
    /// When processing a touchpoint, its id, to tell whether it was applied before. A store may answer only for
    /// recent touchpoints; an older redelivery is refused by <see cref="CommitAsync"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot; an empty customer record when the customer is new.</returns>
    Task<CustomerSnapshot> LoadAsync(string customerId, string? touchpointId, CancellationToken cancellationToken);

    /// <summary>Writes everything one input changed, atomically.</summary>
    /// <param name="commit">The changes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ConcurrencyConflictException">
    /// The customer or an instance changed since it was read, a new instance already exists, or the
    /// touchpoint was already recorded (then <see cref="ConcurrencyConflictException.TouchpointAlreadyRecorded"/>
    /// is set). Nothing was written.
    /// </exception>
    /// <returns>A task that completes when the write is durable.</returns>
    Task CommitAsync(CustomerCommit commit, CancellationToken cancellationToken);

    /// <summary>Reads one instance.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The instance, or null.</returns>
    Task<InstanceRecord?> GetInstanceAsync(string customerId, string instanceId, CancellationToken cancellationToken);

    /// <summary>Deletes one instance row (purge), guarded by the ETag it was read with.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="eTag">The ETag read; the delete fails if the instance changed since.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ConcurrencyConflictException">The instance changed or is gone since it was read.</exception>
    /// <returns>A task that completes when the row is gone.</returns>
    /// <remarks>The customer's timeline is the customer's, not the instance's: it is kept.</remarks>
    Task DeleteInstanceAsync(string customerId, string instanceId, string eTag, CancellationToken cancellationToken);

    /// <summary>Reads every instance of the customer, active or not, oldest first.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The instances.</returns>
    Task<IReadOnlyList<InstanceRecord>> ListInstancesAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Reads the customer's timeline in order.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Timeline entries, oldest first.</returns>
    Task<IReadOnlyList<TimelineEntry>> ReadTimelineAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Removes outbox entries once their actions were dispatched.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="idempotencyKeys">The dispatched actions.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when removed (already-removed entries are fine).</returns>
    Task RemoveFromOutboxAsync(string customerId, IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken);

    /// <summary>Reads one customer's outbox: its actions committed but maybe not dispatched.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The pending actions.</returns>
    /// <remarks>One range query within the customer's partition.</remarks>
    IAsyncEnumerable<ActionMessage> ReadOutboxAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Reads every outbox entry of every customer: actions committed but maybe not dispatched.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The pending actions.</returns>
    /// <remarks>A scan: run at start-up and rarely after, not per input.</remarks>
    IAsyncEnumerable<ActionMessage> ReadAllOutboxesAsync(CancellationToken cancellationToken);

    /// <summary>Removes analytics records once folded.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="sequences">The records' sequences.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when removed (already-removed records are fine).</returns>
    Task RemoveAnalyticsAsync(string customerId, IReadOnlyCollection<long> sequences, CancellationToken cancellationToken);

    /// <summary>Reads every analytics record of every customer: committed, maybe not folded.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    /// <remarks>A scan: run at start-up and every few minutes, not per input.</remarks>
    IAsyncEnumerable<AnalyticsRecord> ReadAllAnalyticsAsync(CancellationToken cancellationToken);
}
