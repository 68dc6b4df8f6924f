using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Analytics;

namespace Orchestrator.Application.Analytics;

/// <summary>
/// Folds the analytics records that customer commits write into the journeys' buckets, off the touchpoint path:
/// the records this process committed are queued in memory and folded every <see cref="AnalyticsOptions.FoldInterval"/>;
/// records left by a crash (in this process or another) are found by scanning the outboxes at start-up and every
/// <see cref="AnalyticsOptions.RecoveryInterval"/>. A fold takes each record at most once (the store marks it), so a
/// record folded twice, by two processes or after a crash, counts once. A folded record leaves its customer's outbox
/// with the customer's next commit, or on its own once the customer is idle.
/// </summary>
public sealed partial class AnalyticsAggregator
{
    /// <summary>Most records one fold takes from the queue; the rest wait for the next tick.</summary>
    public const int MaxPerFold = 20_000;

    private readonly ConcurrentQueue<AnalyticsRecord> _queue = new();
    private readonly ICustomerStore _customers;
    private readonly IAnalyticsStore _store;
    // Wall clock, not engine time: the aggregator schedules I/O and ages marks; it makes no engine decision.
    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly AnalyticsOptions _options;
    private readonly ILogger<AnalyticsAggregator> _logger;

    /// <summary>Creates the aggregator.</summary>
    /// <param name="customers">Where the records are.</param>
    /// <param name="store">Where the buckets are.</param>
    /// <param name="options">Options.</param>
    /// <param name="logger">Logger.</param>
    public AnalyticsAggregator(ICustomerStore customers, IAnalyticsStore store, AnalyticsOptions options, ILogger<AnalyticsAggregator> logger)
    {
        _customers = customers;
        _store = store;
        _options = options;
        _logger = logger;
    }

    /// <summary>Records folded and still in their customers' outboxes, by sequence; the next commit removes them.</summary>
    public OutboxAcknowledgements Folded { get; } = new();

    /// <summary>Records queued and not folded yet.</summary>
    public int Queued => _queue.Count;

    /// <summary>Queues a committed record for the next fold.</summary>
    /// <param name="record">The record.</param>
    public void Enqueue(AnalyticsRecord record) => _queue.Enqueue(record);

    /// <summary>The folded records a customer's next commit removes, at most <paramref name="max"/>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="max">Room left in the commit.</param>
    /// <returns>Sequences.</returns>
    public IReadOnlyList<long> FoldedFor(string customerId, int max) =>
        [.. Folded.For(customerId, max).Select(s => long.Parse(s, CultureInfo.InvariantCulture))];

    /// <summary>Forgets folded records a commit removed.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="sequences">Sequences removed.</param>
    public void Removed(string customerId, IReadOnlyList<long> sequences) =>
        Folded.Forget(customerId, sequences.Select(s => s.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Folds every queued record.</summary>
    /// <param name="cancellationToken">Cancels the fold; unfolded records stay queued.</param>
    /// <returns>Records folded.</returns>
    public async Task<int> FoldQueuedAsync(CancellationToken cancellationToken)
    {
        var records = new List<AnalyticsRecord>();
        while (records.Count < MaxPerFold && _queue.TryDequeue(out var record))
        {
            records.Add(record);
        }

        if (records.Count == 0)
        {
            return 0;
        }

        try
        {
            await FoldAsync(records, cancellationToken);
        }
        catch
        {
            foreach (var record in records)
            {
                _queue.Enqueue(record);
            }

            throw;
        }

        return records.Count;
    }

    /// <summary>Folds every record in every customer's outbox: those a crash left, and any not folded yet.</summary>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>Records found.</returns>
    /// <remarks>A scan of the whole customers table's keys: at start-up and every few minutes, never per input.</remarks>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var found = 0;
        var batch = new List<AnalyticsRecord>();
        await foreach (var record in _customers.ReadAllAnalyticsAsync(cancellationToken))
        {
            batch.Add(record);
            found++;
            if (batch.Count == 1_000)
            {
                await FoldAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        await FoldAsync(batch, cancellationToken);
        if (found > 0)
        {
            LogRecovered(found);
        }

        return found;
    }

    /// <summary>Removes the folded records of customers idle since <paramref name="idleFor"/> from their outboxes.</summary>
    /// <param name="idleFor">How long a customer must have been idle; zero takes every one.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when removed.</returns>
    public async Task FlushFoldedAsync(TimeSpan idleFor, CancellationToken cancellationToken)
    {
        var cutoff = idleFor == TimeSpan.Zero ? DateTimeOffset.MaxValue : _clock.GetUtcNow() - idleFor;
        foreach (var (customerId, keys) in Folded.IdleSince(cutoff))
        {
            var sequences = keys.Select(k => long.Parse(k, CultureInfo.InvariantCulture)).ToArray();
            await _customers.RemoveAnalyticsAsync(customerId, sequences, cancellationToken);
            Folded.Forget(customerId, keys);
        }
    }

    /// <summary>Deletes hour buckets, day buckets and fold marks past their retention, for the given journeys.</summary>
    /// <param name="journeyIds">The journeys.</param>
    /// <param name="cancellationToken">Cancels the deletes.</param>
    /// <returns>A task that completes when pruned.</returns>
    public async Task PruneAsync(IEnumerable<string> journeyIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journeyIds);
        var now = _clock.GetUtcNow();
        foreach (var journeyId in journeyIds)
        {
            await _store.PruneAsync(journeyId, now - _options.HourRetention, now - _options.DayRetention, now - _options.MarkRetention, cancellationToken);
        }
    }

    /// <summary>Folds records into the buckets, each at most once, and marks them for removal from their outboxes.</summary>
    /// <param name="records">The records.</param>
    /// <param name="cancellationToken">Cancels the fold.</param>
    /// <returns>A task that completes when folded.</returns>
    public async Task FoldAsync(IReadOnlyList<AnalyticsRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var markedAt = _clock.GetUtcNow();
        var byJourney = records
            .SelectMany(r => r.Parts.Select(p => (Part: p, Fold: new AnalyticsFold(r.Id, r.At, p.Version, new AnalyticsCounters(p.Counts)) { MarkedAt = markedAt })))
            .GroupBy(x => x.Part.JourneyId, StringComparer.Ordinal);
        foreach (var journey in byJourney)
        {
            await _store.FoldAsync(journey.Key, [.. journey.Select(x => x.Fold)], cancellationToken);
        }

        var now = _clock.GetUtcNow();
        foreach (var customer in records.GroupBy(r => r.CustomerId, StringComparer.Ordinal))
        {
            Folded.Add(customer.Key, customer.Select(r => r.Sequence.ToString(CultureInfo.InvariantCulture)), now);
        }
    }

    /// <summary>
    /// The fold loop a host runs in the background: recovery at start, then folds every
    /// <see cref="AnalyticsOptions.FoldInterval"/>, idle flushes, a recovery scan every
    /// <see cref="AnalyticsOptions.RecoveryInterval"/> and pruning hourly.
    /// </summary>
    /// <param name="journeyIds">Lists the journeys to prune.</param>
    /// <param name="stoppingToken">Stops the loop.</param>
    /// <returns>A task that completes when stopped.</returns>
    public async Task RunAsync(Func<CancellationToken, Task<IReadOnlyList<string>>> journeyIds, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(journeyIds);
        var nextRecovery = DateTimeOffset.MinValue;
        var nextPrune = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(_options.FoldInterval, TimeProvider.System);
        do
        {
            try
            {
                var now = _clock.GetUtcNow();
                if (now >= nextRecovery)
                {
                    nextRecovery = now + _options.RecoveryInterval;
                    await RecoverAsync(stoppingToken);
                }

                // Once per tick, whatever has queued: a fold per journey per interval, however busy the touchpoint path.
                await FoldQueuedAsync(stoppingToken);
                await FlushFoldedAsync(_options.IdleFlushAfter, stoppingToken);
                if (now >= nextPrune)
                {
                    nextPrune = now + TimeSpan.FromHours(1);
                    await PruneAsync(await journeyIds(stoppingToken), stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFoldFailed(exception, _options.FoldInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Folds what is queued and removes every folded record from the outboxes; for a host's shutdown.</summary>
    /// <param name="cancellationToken">Cancels the work; what is left is found by the next recovery.</param>
    /// <returns>A task that completes when done.</returns>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (await FoldQueuedAsync(cancellationToken) > 0)
        {
        }

        await FlushFoldedAsync(TimeSpan.Zero, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics recovery folded {Count} records left in outboxes")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics fold failed; trying again in {Interval}")]
    private partial void LogFoldFailed(Exception exception, TimeSpan interval);
}
