using Orchestrator.Application.Ports;

namespace Orchestrator.Application.Actions;

/// <summary>
/// Actions this process dispatched whose outbox entries are still stored. The customer's next commit removes
/// them in the same write (no round trip of its own); a customer that stays idle has them removed by
/// <see cref="ActionDispatcher.FlushAcknowledgedAsync"/>. Until then <see cref="ActionDispatcher.AcknowledgeAsync"/>
/// marks them in the <see cref="IDispatchLog"/> a batch at a time, so a crash only re-sends the ones dispatched
/// since the last round; once an entry is removed its mark is queued for removal too. Thread-safe.
/// </summary>
public sealed class OutboxAcknowledgements
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Pending> _byCustomer = new(StringComparer.Ordinal);
    private readonly List<DispatchMark> _unmark = [];

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

            foreach (var key in idempotencyKeys)
            {
                pending.Pages.TryAdd(key, null);
            }

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
            return max > 0 && _byCustomer.TryGetValue(customerId, out var pending) ? [.. pending.Pages.Keys.Take(max)] : [];
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
            return _byCustomer.TryGetValue(customerId, out var pending) && pending.Pages.ContainsKey(idempotencyKey);
        }
    }

    /// <summary>Forgets acknowledgements whose outbox entries were removed; their marks, if written, are queued for removal.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="idempotencyKeys">The keys removed.</param>
    public void Forget(string customerId, IEnumerable<string> idempotencyKeys)
    {
        lock (_lock)
        {
            if (_byCustomer.TryGetValue(customerId, out var pending))
            {
                foreach (var key in idempotencyKeys)
                {
                    if (pending.Pages.Remove(key, out var page) && page is not null)
                    {
                        _unmark.Add(new DispatchMark(page, customerId, key));
                    }
                }

                if (pending.Pages.Count == 0)
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
                .Select(pair => KeyValuePair.Create(pair.Key, (IReadOnlyList<string>)[.. pair.Value.Pages.Keys]))];
        }
    }

    /// <summary>The acknowledgements not marked in the dispatch log yet, as marks on <paramref name="page"/>.</summary>
    /// <param name="page">The page the next marking round writes.</param>
    /// <returns>The marks to write.</returns>
    public IReadOnlyList<DispatchMark> Unmarked(string page)
    {
        lock (_lock)
        {
            return [.. _byCustomer.SelectMany(customer => customer.Value.Pages
                .Where(key => key.Value is null)
                .Select(key => new DispatchMark(page, customer.Key, key.Key)))];
        }
    }

    /// <summary>Records marks written; a mark whose entry was removed meanwhile is queued for removal at once.</summary>
    /// <param name="marks">The marks written.</param>
    public void Marked(IEnumerable<DispatchMark> marks)
    {
        lock (_lock)
        {
            foreach (var mark in marks)
            {
                if (_byCustomer.TryGetValue(mark.CustomerId, out var pending) && pending.Pages.ContainsKey(mark.IdempotencyKey))
                {
                    pending.Pages[mark.IdempotencyKey] = mark.Page;
                }
                else
                {
                    _unmark.Add(mark);
                }
            }
        }
    }

    /// <summary>Takes the marks whose outbox entries are gone, to remove from the dispatch log.</summary>
    /// <returns>The marks; the queue is empty after.</returns>
    public IReadOnlyList<DispatchMark> TakeUnmarks()
    {
        lock (_lock)
        {
            var taken = _unmark.ToArray();
            _unmark.Clear();
            return taken;
        }
    }

    /// <summary>Puts back marks whose removal failed, for the next round.</summary>
    /// <param name="marks">The marks.</param>
    public void ReturnUnmarks(IEnumerable<DispatchMark> marks)
    {
        lock (_lock)
        {
            _unmark.AddRange(marks);
        }
    }

    private sealed class Pending
    {
        // Idempotency key → the dispatch log page it is marked on; null until marked.
        public Dictionary<string, string?> Pages { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset Since { get; set; }
    }
}
