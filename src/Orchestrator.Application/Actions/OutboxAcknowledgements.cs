namespace Orchestrator.Application.Actions;

/// <summary>
/// Actions this process dispatched whose outbox entries are still stored. The customer's next commit removes
/// them in the same write (no round trip of its own); a customer that stays idle has them removed by
/// <see cref="ActionDispatcher.FlushAcknowledgedAsync"/>. Lost on a crash, which only means a recovery sends
/// them again with the same idempotency keys: dispatch is at-least-once either way. Thread-safe.
/// </summary>
public sealed class OutboxAcknowledgements
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Pending> _byCustomer = new(StringComparer.Ordinal);

    /// <summary>How many customers have acknowledgements waiting.</summary>
    public int CustomerCount
    {
        get
        {
            lock (_lock)
            {
                return _byCustomer.Count;
            }
        }
    }

    /// <summary>Records dispatched actions.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="idempotencyKeys">The actions sent.</param>
    /// <param name="at">When; an idle flush waits from the latest.</param>
    public void Add(string customerId, IEnumerable<string> idempotencyKeys, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (!_byCustomer.TryGetValue(customerId, out var pending))
            {
                pending = new Pending();
                _byCustomer.Add(customerId, pending);
            }

            pending.Keys.UnionWith(idempotencyKeys);
            pending.Since = at;
        }
    }

    /// <summary>The customer's acknowledgements, at most <paramref name="max"/>, to ride on its next commit.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="max">Room left in the commit.</param>
    /// <returns>Idempotency keys, in no particular order.</returns>
    public IReadOnlyList<string> For(string customerId, int max)
    {
        lock (_lock)
        {
            return max > 0 && _byCustomer.TryGetValue(customerId, out var pending) ? [.. pending.Keys.Take(max)] : [];
        }
    }

    /// <summary>Whether this process dispatched an action.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="idempotencyKey">The action.</param>
    /// <returns>True when it was sent and its outbox entry may still be stored.</returns>
    public bool Contains(string customerId, string idempotencyKey)
    {
        lock (_lock)
        {
            return _byCustomer.TryGetValue(customerId, out var pending) && pending.Keys.Contains(idempotencyKey);
        }
    }

    /// <summary>Forgets acknowledgements whose outbox entries were removed.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="idempotencyKeys">The keys removed.</param>
    public void Forget(string customerId, IEnumerable<string> idempotencyKeys)
    {
        lock (_lock)
        {
            if (_byCustomer.TryGetValue(customerId, out var pending))
            {
                pending.Keys.ExceptWith(idempotencyKeys);
                if (pending.Keys.Count == 0)
                {
                    _byCustomer.Remove(customerId);
                }
            }
        }
    }

    /// <summary>Customers whose latest acknowledgement is at or before <paramref name="cutoff"/>, with their keys.</summary>
    /// <param name="cutoff">The latest time that counts as idle; <see cref="DateTimeOffset.MaxValue"/> takes every one.</param>
    /// <returns>Customer ids and keys.</returns>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> IdleSince(DateTimeOffset cutoff)
    {
        lock (_lock)
        {
            return [.. _byCustomer
                .Where(pair => pair.Value.Since <= cutoff)
                .Select(pair => KeyValuePair.Create(pair.Key, (IReadOnlyList<string>)[.. pair.Value.Keys]))];
        }
    }

    private sealed class Pending
    {
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset Since { get; set; }
    }
}
