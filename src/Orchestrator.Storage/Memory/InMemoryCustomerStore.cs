using System.Globalization;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Analytics;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Memory;

/// <summary>
/// <see cref="ICustomerStore"/> in memory, with the Table store's semantics: ETags checked on every update,
/// inserts that fail on an existing row, all-or-nothing commits, the same limits. Thread-safe.
/// </summary>
public sealed class InMemoryCustomerStore : ICustomerStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, InMemoryCustomerPartition> _partitions = new(StringComparer.Ordinal);
    private long _lastETag;

    /// <inheritdoc />
    public Task<CustomerSnapshot> LoadAsync(string customerId, string? touchpointId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_partitions.TryGetValue(customerId, out var partition)
                ? partition.Load(customerId, touchpointId)
                : new CustomerSnapshot(CustomerRecord.New(customerId), [], false));
        }
    }

    /// <inheritdoc />
    public Task CommitAsync(CustomerCommit commit, CancellationToken cancellationToken)
    {
        CommitRules.Validate(commit);
        var documents = InMemoryCommitDocuments.Of(commit);
        CommitRules.ValidateSize(commit, documents.JsonBytes);
        lock (_lock)
        {
            var customerId = commit.Customer.CustomerId;
            if (!_partitions.TryGetValue(customerId, out var partition))
            {
                partition = new InMemoryCustomerPartition();
                _partitions.Add(customerId, partition);
            }

            try
            {
                partition.Commit(commit, documents, NextETag);
            }
            catch (ConcurrencyConflictException conflict)
            {
                // Fault the task, as an I/O-bound store does, rather than throw before the caller awaits.
                return Task.FromException(conflict);
            }
            finally
            {
                if (partition.IsEmpty)
                {
                    _partitions.Remove(customerId);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<InstanceRecord?> GetInstanceAsync(string customerId, string instanceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_partitions.TryGetValue(customerId, out var partition) ? partition.Instance(instanceId) : null);
        }
    }

    /// <inheritdoc />
    public Task DeleteInstanceAsync(string customerId, string instanceId, string eTag, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_partitions.TryGetValue(customerId, out var partition))
            {
                return Task.FromException(new ConcurrencyConflictException($"Concurrent change for customer '{customerId}': instance '{instanceId}' is gone since it was read. Reload and retry."));
            }

            try
            {
                partition.DeleteInstance(customerId, instanceId, eTag);
            }
            catch (ConcurrencyConflictException conflict)
            {
                return Task.FromException(conflict);
            }

            if (partition.IsEmpty)
            {
                _partitions.Remove(customerId);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<InstanceRecord>> ListInstancesAsync(string customerId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_partitions.TryGetValue(customerId, out var partition)
                ? InstanceOrder.Sort(partition.Instances())
                : (IReadOnlyList<InstanceRecord>)[]);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TimelineEntry>> ReadTimelineAsync(string customerId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_partitions.TryGetValue(customerId, out var partition) ? partition.Timeline() : []);
        }
    }

    /// <inheritdoc />
    public Task RemoveFromOutboxAsync(string customerId, IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKeys);
        lock (_lock)
        {
            if (_partitions.TryGetValue(customerId, out var partition))
            {
                partition.RemoveFromOutbox(idempotencyKeys);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ActionMessage> ReadOutboxAsync(string customerId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return (_partitions.TryGetValue(customerId, out var partition) ? partition.Outbox() : []).ToAsyncEnumerable();
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ActionMessage> ReadAllOutboxesAsync(CancellationToken cancellationToken)
    {
        // A snapshot, like a Table scan: actions committed while the caller iterates may or may not appear.
        lock (_lock)
        {
            return _partitions.Values.SelectMany(p => p.Outbox()).ToList().ToAsyncEnumerable();
        }
    }

    /// <inheritdoc />
    public Task RemoveAnalyticsAsync(string customerId, IReadOnlyCollection<long> sequences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        lock (_lock)
        {
            if (_partitions.TryGetValue(customerId, out var partition))
            {
                partition.RemoveAnalytics(sequences);
                if (partition.IsEmpty)
                {
                    _partitions.Remove(customerId);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<AnalyticsRecord> ReadAllAnalyticsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _partitions.Values.SelectMany(p => p.Analytics()).ToList().ToAsyncEnumerable();
        }
    }

    private string NextETag() => Interlocked.Increment(ref _lastETag).ToString(CultureInfo.InvariantCulture);
}
