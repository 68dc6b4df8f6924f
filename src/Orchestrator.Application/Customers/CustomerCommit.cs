using Orchestrator.Application.Actions;
using Orchestrator.Application.Analytics;
using Orchestrator.Application.Instances;

namespace Orchestrator.Application.Customers;

/// <summary>
/// Everything one input changes for a customer, written atomically in one round trip: the customer
/// record (guarded by its ETag), changed and new instances, the timeline entry, the dedupe marker and
/// the actions to dispatch (an outbox, so none is lost if the process dies before sending them).
/// A group commit carries several touchpoints of the customer applied one after the other: each keeps its own
/// timeline entry and dedupe marker (<see cref="EarlierEntries"/>, <see cref="EarlierTouchpointIds"/>).
/// </summary>
/// <param name="Customer">The new customer record, carrying the ETag it was read with.</param>
/// <param name="Instances">Changed instances (carrying the ETag read) and new ones (ETag null).</param>
/// <param name="Entry">The timeline entry.</param>
/// <param name="TouchpointId">The touchpoint's id, recorded so a redelivery is recognised; null for other inputs.</param>
/// <param name="Outbox">Actions to dispatch after the commit.</param>
public sealed record CustomerCommit(
    CustomerRecord Customer,
    IReadOnlyList<InstanceRecord> Instances,
    TimelineEntry Entry,
    string? TouchpointId,
    IReadOnlyList<ActionMessage> Outbox)
{
    /// <summary>Most writes one commit may take: one atomic entity-group transaction holds 100.</summary>
    public const int MaxWrites = 100;

    /// <summary>
    /// In a group commit, the timeline entries of the touchpoints applied before the last, oldest first; each is a
    /// timeline row of its own, as if committed alone. <see cref="Entry"/> is the last one's.
    /// </summary>
    public IReadOnlyList<TimelineEntry> EarlierEntries { get; init; } = [];

    /// <summary>In a group commit, the ids of the touchpoints applied before the last: each writes its dedupe marker.</summary>
    public IReadOnlyList<string> EarlierTouchpointIds { get; init; } = [];

    /// <summary>Every timeline entry the commit writes, oldest first.</summary>
    public IEnumerable<TimelineEntry> Entries => EarlierEntries.Append(Entry);

    /// <summary>Every touchpoint id whose dedupe marker the commit writes, in order.</summary>
    public IEnumerable<string> TouchpointIds => TouchpointId is null ? EarlierTouchpointIds : EarlierTouchpointIds.Append(TouchpointId);

    /// <summary>
    /// Idempotency keys of earlier actions known to be dispatched, removed from the outbox in this same write:
    /// acknowledging them here costs no round trip of its own. Keys already gone are fine.
    /// </summary>
    public IReadOnlyList<string> Acknowledged { get; init; } = [];

    /// <summary>
    /// What the input adds to the journeys' analytics, written as one more row of this same write (the analytics
    /// outbox) and folded into the buckets off the touchpoint path; null when it adds nothing.
    /// </summary>
    public AnalyticsRecord? Analytics { get; init; }

    /// <summary>
    /// Sequences of earlier analytics records of this customer already folded, removed in this same write. Ones
    /// already gone are fine.
    /// </summary>
    public IReadOnlyList<long> AnalyticsFolded { get; init; } = [];

    /// <summary>
    /// Writes the commit takes: customer, instances, timeline entries, dedupe markers, new and acknowledged outbox
    /// entries, the analytics record and the folded ones removed.
    /// </summary>
    public int Writes => 2 + EarlierEntries.Count + Instances.Count + EarlierTouchpointIds.Count + (TouchpointId is null ? 0 : 1)
        + Outbox.Count + Acknowledged.Count + (Analytics is null ? 0 : 1) + AnalyticsFolded.Count;
}
