namespace Orchestrator.Durable.Testing.Storage;

/// <summary>
/// Counts the storage requests one host's Azure Storage backend makes, by kind; read it with <see cref="Snapshot"/>.
/// </summary>
/// <remarks>
/// Fed by an <c>HttpPipelinePolicy</c> in the backend's blob, queue and table clients, so it sees every HTTP
/// request and retry the backend (and the sidecar's client calls through it) sends, and nothing else.
/// </remarks>
public sealed class StorageRequestCounter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<StorageOperationKey, long> _requests = [];
    private readonly Dictionary<StorageOperationKey, long> _items = [];
    private readonly Dictionary<StorageOperationKey, long> _failures = [];

    /// <summary>Everything counted so far.</summary>
    /// <returns>A copy; later requests do not change it.</returns>
    public StorageUsage Snapshot()
    {
        lock (_gate)
        {
            return new StorageUsage(new Dictionary<StorageOperationKey, long>(_requests), new Dictionary<StorageOperationKey, long>(_items), new Dictionary<StorageOperationKey, long>(_failures));
        }
    }

    /// <summary>Records one request, whether it failed, and the items it carried.</summary>
    internal void Record(StorageOperationKey request, bool failed, IEnumerable<KeyValuePair<StorageOperationKey, int>> items)
    {
        lock (_gate)
        {
            Add(_requests, request, 1);
            if (failed)
            {
                Add(_failures, request, 1);
                return;
            }

            foreach (var (key, count) in items)
            {
                Add(_items, key, count);
            }
        }
    }

    private static void Add(Dictionary<StorageOperationKey, long> counts, StorageOperationKey key, long count)
    {
        if (count != 0)
        {
            counts[key] = counts.GetValueOrDefault(key) + count;
        }
    }
}
