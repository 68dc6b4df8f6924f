using Orchestrator.Application.Actions;
using Orchestrator.Application.Analytics;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Serialization;
using Orchestrator.Journeys.Customers;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Storage.Memory;

/// <summary>
/// One customer's rows, as the Table store keeps them: documents held as JSON (so both stores round-trip
/// the same way and refuse the same sizes), rows guarded by ETags. Not thread-safe; the store locks.
/// </summary>
internal sealed class InMemoryCustomerPartition
{
    private readonly Dictionary<string, (byte[] State, byte[]? Buffered, byte[]? Deferred, InstanceRuntimeStatus Status, string ETag)> _instances = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, byte[]> _timeline = [];
    private readonly Dictionary<string, byte[]> _outbox = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, byte[]> _analytics = [];
    private (long Sequence, byte[] Entries, byte[]? Sends, byte[]? Profile, string ETag)? _customer;

    /// <summary>Whether the partition holds no rows, so the store can forget it.</summary>
    public bool IsEmpty => _customer is null && _instances.Count == 0 && _seen.Count == 0 && _timeline.Count == 0 && _outbox.Count == 0 && _analytics.Count == 0;

    /// <summary>Reads what a load returns.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="touchpointId">The touchpoint to check, if any.</param>
    /// <returns>The snapshot.</returns>
    public CustomerSnapshot Load(string customerId, string? touchpointId)
    {
        var customer = _customer is { } row
            ? new CustomerRecord(customerId, row.Sequence, Read(row.Entries, ApplicationJsonContext.Default.DictionaryStringJourneyEntryHistory), row.ETag)
            {
                Sends = row.Sends is null ? [] : Read(row.Sends, ApplicationJsonContext.Default.ListSentAction),
                Profile = row.Profile is null ? CustomerProfile.Empty : Read(row.Profile, ApplicationJsonContext.Default.CustomerProfile),
            }
            : CustomerRecord.New(customerId);
        // Only active rows are read: a customer's finished instances pile up, and a load must not cost more with each.
        var active = InstanceOrder.Sort(_instances.Values.Where(row => InstanceRecord.IsActiveStatus(row.Status)).Select(ToInstance));
        return new CustomerSnapshot(customer with { ActiveInstances = active }, active, touchpointId is not null && _seen.Contains(touchpointId));
    }

    /// <summary>Reads one instance.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <returns>The instance, or null.</returns>
    public InstanceRecord? Instance(string instanceId) =>
        _instances.TryGetValue(instanceId, out var row) ? ToInstance(row) : null;

    /// <summary>Reads every instance.</summary>
    /// <returns>The instances, unordered.</returns>
    public IEnumerable<InstanceRecord> Instances() => _instances.Values.Select(ToInstance);

    /// <summary>Reads the timeline in sequence order.</summary>
    /// <returns>The entries.</returns>
    public IReadOnlyList<TimelineEntry> Timeline() => [.. _timeline.Values.Select(json => Read(json, ApplicationJsonContext.Default.TimelineEntry))];

    /// <summary>Reads the outbox.</summary>
    /// <returns>The pending actions.</returns>
    public IReadOnlyList<ActionMessage> Outbox() => [.. _outbox.Values.Select(json => Read(json, ApplicationJsonContext.Default.ActionMessage))];

    /// <summary>Reads the analytics records not removed yet.</summary>
    /// <returns>The records.</returns>
    public IReadOnlyList<AnalyticsRecord> Analytics() => [.. _analytics.Values.Select(json => Read(json, ApplicationJsonContext.Default.AnalyticsRecord))];

    /// <summary>Removes analytics records; missing ones are fine.</summary>
    /// <param name="sequences">The records.</param>
    public void RemoveAnalytics(IEnumerable<long> sequences)
    {
        foreach (var sequence in sequences)
        {
            _analytics.Remove(sequence);
        }
    }

    /// <summary>Removes outbox entries; missing ones are fine.</summary>
    /// <param name="idempotencyKeys">The actions.</param>
    public void RemoveFromOutbox(IEnumerable<string> idempotencyKeys)
    {
        foreach (var key in idempotencyKeys)
        {
            _outbox.Remove(key);
        }
    }

    /// <summary>Deletes an instance row if it still has the ETag read.</summary>
    /// <param name="customerId">The customer, for the message.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="eTag">The ETag read.</param>
    /// <exception cref="ConcurrencyConflictException">The instance changed or is gone.</exception>
    public void DeleteInstance(string customerId, string instanceId, string eTag)
    {
        if (!_instances.TryGetValue(instanceId, out var row) || !Matches(row.ETag, eTag))
        {
            throw new ConcurrencyConflictException($"Concurrent change for customer '{customerId}': instance '{instanceId}' changed or is gone since it was read. Reload and retry.");
        }

        _instances.Remove(instanceId);
    }

    /// <summary>Checks every guard of a commit, then applies all of it; on a conflict nothing changes.</summary>
    /// <param name="commit">The commit, already validated.</param>
    /// <param name="documents">Its documents, serialized.</param>
    /// <param name="nextETag">Hands out fresh ETags.</param>
    /// <exception cref="ConcurrencyConflictException">A guard failed.</exception>
    public void Commit(CustomerCommit commit, InMemoryCommitDocuments documents, Func<string> nextETag)
    {
        // First, as the Table store puts the marker first in its transaction: a redelivery is a duplicate whatever else changed.
        var recorded = commit.TouchpointIds.Where(_seen.Contains).ToArray();
        if (recorded.Length > 0)
        {
            throw new ConcurrencyConflictException($"Touchpoint '{string.Join("', '", recorded)}' of customer '{commit.Customer.CustomerId}' was already applied.")
            {
                TouchpointAlreadyRecorded = true,
                RecordedTouchpointIds = recorded,
            };
        }

        var conflict = FindConflict(commit);
        if (conflict is not null)
        {
            throw new ConcurrencyConflictException($"Concurrent change for customer '{commit.Customer.CustomerId}': {conflict}. Reload and retry.");
        }

        _customer = (commit.Customer.Sequence, documents.Entries, documents.Sends, documents.Profile, nextETag());
        for (var i = 0; i < commit.Instances.Count; i++)
        {
            var instance = commit.Instances[i];
            _instances[instance.InstanceId] = (documents.States[i], documents.Buffers[i], documents.Deferred[i], instance.RuntimeStatus, nextETag());
        }

        for (var i = 0; i < commit.EarlierEntries.Count; i++)
        {
            _timeline.Add(commit.EarlierEntries[i].Sequence, documents.EarlierEntries[i]);
        }

        _timeline.Add(commit.Entry.Sequence, documents.Entry);
        _seen.UnionWith(commit.TouchpointIds);

        RemoveFromOutbox(commit.Acknowledged);
        for (var i = 0; i < commit.Outbox.Count; i++)
        {
            _outbox.Add(commit.Outbox[i].IdempotencyKey, documents.Outbox[i]);
        }

        RemoveAnalytics(commit.AnalyticsFolded);
        if (commit.Analytics is { } analytics)
        {
            _analytics.Add(analytics.Sequence, documents.Analytics!);
        }
    }

    // The same guards the Table transaction enforces: ETag matches for updates, absence for inserts.
    private string? FindConflict(CustomerCommit commit)
    {
        if (!Matches(_customer?.ETag, commit.Customer.ETag))
        {
            return commit.Customer.ETag is null ? "the customer record already exists" : "the customer record changed since it was read";
        }

        foreach (var instance in commit.Instances)
        {
            var stored = _instances.TryGetValue(instance.InstanceId, out var row) ? row.ETag : null;
            if (!Matches(stored, instance.ETag))
            {
                return instance.ETag is null
                    ? $"instance '{instance.InstanceId}' already exists"
                    : $"instance '{instance.InstanceId}' changed since it was read";
            }
        }

        if (commit.Analytics is { } analytics && _analytics.ContainsKey(analytics.Sequence))
        {
            return $"analytics record {analytics.Sequence} already exists";
        }

        if (commit.Entries.FirstOrDefault(e => _timeline.ContainsKey(e.Sequence)) is { } existing)
        {
            return $"timeline entry {existing.Sequence} already exists";
        }

        var outboxed = commit.Outbox.FirstOrDefault(a => _outbox.ContainsKey(a.IdempotencyKey));
        return outboxed is null ? null : $"action '{outboxed.IdempotencyKey}' is already in the outbox";
    }

    private static bool Matches(string? stored, string? expected) => string.Equals(stored, expected, StringComparison.Ordinal);

    private static InstanceRecord ToInstance((byte[] State, byte[]? Buffered, byte[]? Deferred, InstanceRuntimeStatus Status, string ETag) row) =>
        new(Read(row.State, JourneyJsonContext.Default.JourneyState), row.Status, row.ETag)
        {
            Buffered = row.Buffered is null ? [] : Read(row.Buffered, ApplicationJsonContext.Default.ListTouchpoint),
            Deferred = row.Deferred is null ? [] : Read(row.Deferred, ApplicationJsonContext.Default.ListDeferredAction),
        };

    private static T Read<T>(byte[] json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        StorageJson.Deserialize(json, typeInfo, typeof(T).Name);
}
