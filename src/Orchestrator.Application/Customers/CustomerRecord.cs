using Orchestrator.Application.Instances;
using Orchestrator.Application.Rules;
using Orchestrator.Journeys.Customers;

namespace Orchestrator.Application.Customers;

/// <summary>
/// Per-customer bookkeeping, rewritten with every change to the customer's journeys. Its concurrency
/// token serialises all writers of one customer, in one process or many.
/// </summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Sequence">Number of timeline entries written so far; orders the timeline.</param>
/// <param name="Entries">Entry history by journey id.</param>
/// <param name="ETag">Concurrency token of the stored copy; null when never stored.</param>
public sealed record CustomerRecord(
    string CustomerId,
    long Sequence,
    IReadOnlyDictionary<string, JourneyEntryHistory> Entries,
    string? ETag)
{
    /// <summary>
    /// The customer's recent sends, oldest first, for frequency caps and priority collisions; pruned to
    /// <see cref="SendRulesOptions.HistoryHorizon"/> on every commit.
    /// </summary>
    public IReadOnlyList<SentAction> Sends { get; init; } = [];

    /// <summary>Most touchpoint ids kept in <see cref="RecentTouchpoints"/>.</summary>
    public const int MaxRecentTouchpoints = 32;

    /// <summary>
    /// Ids of the customer's latest touchpoints, oldest first, kept by the store so that a load can tell a
    /// recent redelivery without reading anything else. Older ones are caught by the commit's dedupe marker.
    /// </summary>
    public IReadOnlyList<string> RecentTouchpoints { get; init; } = [];

    /// <summary>
    /// The customer's active instances as read with this record. A store that keeps them inside the customer's
    /// row (so a load is one point read) writes them back whole, overlaid with the commit's changed instances.
    /// </summary>
    public IReadOnlyList<InstanceRecord> ActiveInstances { get; init; } = [];

    /// <summary>
    /// The customer's profile: attributes and consent set by profile touchpoints and the profile route, and facts the
    /// runtime updates on every commit. Kept on this row so that reading it costs no request of its own.
    /// </summary>
    public CustomerProfile Profile { get; init; } = CustomerProfile.Empty;

    /// <summary>A customer seen for the first time.</summary>
    /// <param name="customerId">The customer.</param>
    /// <returns>An empty record.</returns>
    public static CustomerRecord New(string customerId) => new(customerId, 0, new Dictionary<string, JourneyEntryHistory>(), null);
}
