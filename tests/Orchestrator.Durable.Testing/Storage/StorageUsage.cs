using System.Globalization;
using System.Text;

namespace Orchestrator.Durable.Testing.Storage;

/// <summary>
/// The storage requests a task hub's backend made up to a moment, by kind; <see cref="Since"/> turns two of them
/// into the cost of what happened in between (one touchpoint, one orchestration).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Requests"/> counts HTTP requests (every retry included). <see cref="Items"/> counts what they carried:
/// messages sent or received, entities written or read; an entity-group transaction is one request under
/// <see cref="StorageOperation.Transaction"/> and one item per entity under that entity's own table and operation.
/// Items are counted only for requests that succeeded (an entity-group transaction reports a rejected entity inside
/// its 202 answer, so its items count anyway); a request that got no answer at all is not counted.
/// </para>
/// <para>
/// The backend also works in the background, whatever the orchestrations do: it polls its queues (receives with
/// no items) and renews partition leases (<see cref="StorageResource.PartitionsTable"/>). Client status queries
/// read <see cref="StorageResource.InstancesTable"/>. Compare the kinds that belong to the work, not the total.
/// </para>
/// </remarks>
public sealed class StorageUsage
{
    private static readonly IReadOnlyDictionary<StorageOperationKey, long> None = new Dictionary<StorageOperationKey, long>();

    internal StorageUsage(
        IReadOnlyDictionary<StorageOperationKey, long> requests,
        IReadOnlyDictionary<StorageOperationKey, long> items,
        IReadOnlyDictionary<StorageOperationKey, long> failures)
    {
        Requests = requests;
        Items = items;
        Failures = failures;
    }

    /// <summary>No requests at all.</summary>
    public static StorageUsage Empty { get; } = new(None, None, None);

    /// <summary>HTTP requests by kind.</summary>
    public IReadOnlyDictionary<StorageOperationKey, long> Requests { get; }

    /// <summary>Messages and entities the successful requests carried, by kind.</summary>
    public IReadOnlyDictionary<StorageOperationKey, long> Items { get; }

    /// <summary>Requests answered with an error status (4xx or 5xx) by kind; "already exists" answers to creates count here.</summary>
    public IReadOnlyDictionary<StorageOperationKey, long> Failures { get; }

    /// <summary>All HTTP requests.</summary>
    public long TotalRequests => Requests.Values.Sum();

    /// <summary>Messages put on the control and work-item queues.</summary>
    public long QueueMessagesSent => ItemsOf(operation: StorageOperation.Send);

    /// <summary>Messages dequeued from the control and work-item queues.</summary>
    public long QueueMessagesReceived => ItemsOf(operation: StorageOperation.Receive);

    /// <summary>History rows inserted or replaced (history events and the per-instance sentinel row).</summary>
    public long HistoryRowsWritten =>
        ItemsOf(StorageResource.HistoryTable, StorageOperation.Insert) + ItemsOf(StorageResource.HistoryTable, StorageOperation.Upsert);

    /// <summary>Entity-group transactions (<c>$batch</c> requests), on any table.</summary>
    public long TableTransactions => RequestsOf(operation: StorageOperation.Transaction);

    /// <summary>Requests of the kinds matching the given resource and operation; <see langword="null"/> matches any.</summary>
    /// <param name="resource">The resource, or any.</param>
    /// <param name="operation">The operation, or any.</param>
    /// <returns>The number of requests.</returns>
    public long RequestsOf(StorageResource? resource = null, StorageOperation? operation = null) => Sum(Requests, resource, operation);

    /// <summary>Items of the kinds matching the given resource and operation; <see langword="null"/> matches any.</summary>
    /// <param name="resource">The resource, or any.</param>
    /// <param name="operation">The operation, or any.</param>
    /// <returns>The number of messages or entities.</returns>
    public long ItemsOf(StorageResource? resource = null, StorageOperation? operation = null) => Sum(Items, resource, operation);

    /// <summary>What was counted after <paramref name="earlier"/>, a snapshot of the same counter.</summary>
    /// <param name="earlier">An earlier snapshot.</param>
    /// <returns>The difference, kind by kind; kinds that did not change are left out.</returns>
    public StorageUsage Since(StorageUsage earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new StorageUsage(
            Subtract(Requests, earlier.Requests),
            Subtract(Items, earlier.Items),
            Subtract(Failures, earlier.Failures));
    }

    /// <summary>The same counts less the kinds <paramref name="leaveOut"/> names (e.g. idle queue polling).</summary>
    /// <param name="leaveOut">Whether a kind is left out.</param>
    /// <returns>The counts of the other kinds.</returns>
    public StorageUsage Without(Func<StorageOperationKey, bool> leaveOut)
    {
        ArgumentNullException.ThrowIfNull(leaveOut);
        return new StorageUsage(Keep(Requests), Keep(Items), Keep(Failures));

        Dictionary<StorageOperationKey, long> Keep(IReadOnlyDictionary<StorageOperationKey, long> counts) =>
            counts.Where(pair => !leaveOut(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value);
    }

    /// <summary>One line per kind: requests, items and failures, ordered by resource and operation.</summary>
    /// <returns>A table for test output.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var key in Requests.Keys.Order(KeyOrder.Instance))
        {
            text.Append(CultureInfo.InvariantCulture, $"{key,-32} {Requests[key],6} requests");
            if (Items.TryGetValue(key, out var items))
            {
                text.Append(CultureInfo.InvariantCulture, $" {items,6} items");
            }

            if (Failures.TryGetValue(key, out var failures))
            {
                text.Append(CultureInfo.InvariantCulture, $" {failures,6} failed");
            }

            text.AppendLine();
        }

        // Entities written inside transactions have no request of their own kind; list them too.
        foreach (var key in Items.Keys.Where(key => !Requests.ContainsKey(key)).Order(KeyOrder.Instance))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{key,-32}      - in transactions {Items[key],6} items");
        }

        return text.Length == 0 ? "(no storage requests)" : text.ToString();
    }

    private static long Sum(IReadOnlyDictionary<StorageOperationKey, long> counts, StorageResource? resource, StorageOperation? operation) =>
        counts.Where(pair => (resource is null || pair.Key.Resource == resource) && (operation is null || pair.Key.Operation == operation))
            .Sum(pair => pair.Value);

    private static Dictionary<StorageOperationKey, long> Subtract(
        IReadOnlyDictionary<StorageOperationKey, long> later,
        IReadOnlyDictionary<StorageOperationKey, long> earlier)
    {
        var difference = new Dictionary<StorageOperationKey, long>();
        foreach (var (key, count) in later)
        {
            var delta = count - earlier.GetValueOrDefault(key);
            if (delta != 0)
            {
                difference[key] = delta;
            }
        }

        return difference;
    }

    private sealed class KeyOrder : IComparer<StorageOperationKey>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(StorageOperationKey x, StorageOperationKey y)
        {
            var byResource = x.Resource.CompareTo(y.Resource);
            return byResource != 0 ? byResource : x.Operation.CompareTo(y.Operation);
        }
    }
}
