using Orchestrator.Application.Actions;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;

namespace Orchestrator.Application.Tests.Support;

/// <summary>A customer store that delegates to a real one, with failures to inject and commits to count.</summary>
internal sealed class FaultyCustomerStore(ICustomerStore inner) : ICustomerStore
{
    private int _conflictsLeft;
    private int _commitAttempts;
    private int _removeFromOutboxCalls;
    private Func<Task>? _beforeNextCommit;

    /// <summary>Commit calls made, failed or not.</summary>
    public int CommitAttempts => Volatile.Read(ref _commitAttempts);

    /// <summary>Outbox removals made on their own write (not riding on a commit).</summary>
    public int RemoveFromOutboxCalls => Volatile.Read(ref _removeFromOutboxCalls);

    /// <summary>When set, every load throws it (a store that is down).</summary>
    public Exception? LoadFailure { get; set; }

    /// <summary>When set, loads of this one customer throw (one customer's data is unreadable).</summary>
    public string? FailingCustomer { get; set; }

    /// <summary>When true, loads never report a touchpoint as seen, as a store whose load only knows recent ones.</summary>
    public bool ForgetSeenOnLoad { get; set; }

    /// <summary>When true, every load yields the thread before returning, so concurrent callers interleave.</summary>
    public bool YieldAfterLoad { get; set; }

    /// <summary>
    /// Runs once, inside the next commit and before it reaches the store: whatever it writes lands between
    /// that commit's read and its write, a genuine lost race.
    /// </summary>
    public Func<Task>? BeforeNextCommit
    {
        set => Volatile.Write(ref _beforeNextCommit, value);
    }

    /// <summary>When set, every load awaits it first, with the customer id: a gate a test opens when it chooses.</summary>
    public Func<string, Task>? BeforeLoad { get; set; }

    /// <summary>Makes the next <paramref name="count"/> commits lose a write race, writing nothing.</summary>
    public void ConflictOnNextCommits(int count) => Volatile.Write(ref _conflictsLeft, count);

    public async Task<CustomerSnapshot> LoadAsync(string customerId, string? touchpointId, CancellationToken cancellationToken)
    {
        if (BeforeLoad is { } gate)
        {
            await gate(customerId);
        }

        if (LoadFailure is { } failure)
        {
            throw failure;
        }

        if (customerId == FailingCustomer)
        {
            throw new InvalidOperationException($"injected: customer {customerId} cannot be read");
        }

        var snapshot = await inner.LoadAsync(customerId, touchpointId, cancellationToken);
        if (ForgetSeenOnLoad)
        {
            snapshot = snapshot with { TouchpointSeen = false };
        }
        if (YieldAfterLoad)
        {
            // Between this read and the caller's commit: where a concurrent writer can slip in.
            await Task.Yield();
        }

        return snapshot;
    }

    public async Task CommitAsync(CustomerCommit commit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _commitAttempts);
        if (Interlocked.Exchange(ref _beforeNextCommit, null) is { } hook)
        {
            await hook();
        }

        if (Interlocked.Decrement(ref _conflictsLeft) >= 0)
        {
            throw new ConcurrencyConflictException("injected: the customer record changed since it was read");
        }

        await inner.CommitAsync(commit, cancellationToken);
    }

    public Task<InstanceRecord?> GetInstanceAsync(string customerId, string instanceId, CancellationToken cancellationToken) =>
        inner.GetInstanceAsync(customerId, instanceId, cancellationToken);

    public Task DeleteInstanceAsync(string customerId, string instanceId, string eTag, CancellationToken cancellationToken) =>
        inner.DeleteInstanceAsync(customerId, instanceId, eTag, cancellationToken);

    public Task<IReadOnlyList<InstanceRecord>> ListInstancesAsync(string customerId, CancellationToken cancellationToken) =>
        inner.ListInstancesAsync(customerId, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> ReadTimelineAsync(string customerId, CancellationToken cancellationToken) =>
        inner.ReadTimelineAsync(customerId, cancellationToken);

    public Task RemoveFromOutboxAsync(string customerId, IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _removeFromOutboxCalls);
        return inner.RemoveFromOutboxAsync(customerId, idempotencyKeys, cancellationToken);
    }

    public IAsyncEnumerable<ActionMessage> ReadOutboxAsync(string customerId, CancellationToken cancellationToken) =>
        inner.ReadOutboxAsync(customerId, cancellationToken);

    public IAsyncEnumerable<ActionMessage> ReadAllOutboxesAsync(CancellationToken cancellationToken) =>
        inner.ReadAllOutboxesAsync(cancellationToken);

    public Task RemoveAnalyticsAsync(string customerId, IReadOnlyCollection<long> sequences, CancellationToken cancellationToken) =>
        inner.RemoveAnalyticsAsync(customerId, sequences, cancellationToken);

    public IAsyncEnumerable<Orchestrator.Application.Analytics.AnalyticsRecord> ReadAllAnalyticsAsync(CancellationToken cancellationToken) =>
        inner.ReadAllAnalyticsAsync(cancellationToken);
}
