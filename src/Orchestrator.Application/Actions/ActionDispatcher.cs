using Microsoft.Extensions.Logging;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Telemetry;

namespace Orchestrator.Application.Actions;

/// <summary>
/// Sends committed actions to the action sink and acknowledges them, so their outbox entries go with the
/// customer's next commit (or an idle flush). A failure leaves them in the outbox unacknowledged, where
/// <see cref="RecoverAsync"/> finds them: dispatch is at-least-once, and every delivery of one action
/// carries the same idempotency key. <see cref="AcknowledgeAsync"/>, run every fraction of a second, marks the
/// dispatched actions in the <see cref="IDispatchLog"/> in batches, so recovery after a crash skips them.
/// </summary>
public sealed partial class ActionDispatcher
{
    private readonly IActionSink _sink;
    private readonly ICustomerStore _customers;
    private readonly TimeProvider _clock;
    private readonly ILogger<ActionDispatcher> _logger;
    private readonly IDispatchLog? _log;
    private int _failedSinceRecovery;

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="sink">Where actions go.</param>
    /// <param name="customers">Holds the outboxes.</param>
    /// <param name="clock">Times acknowledgements, for the idle flush.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="log">Where dispatched actions are marked; none leaves every unremoved outbox entry to be sent again after a crash.</param>
    public ActionDispatcher(IActionSink sink, ICustomerStore customers, TimeProvider clock, ILogger<ActionDispatcher> logger, IDispatchLog? log = null)
    {
        _sink = sink;
        _customers = customers;
        _clock = clock;
        _logger = logger;
        _log = log;
    }

    /// <summary>Dispatched actions whose outbox entries are still stored.</summary>
    public OutboxAcknowledgements Acknowledgements { get; } = new();

    /// <summary>Dispatches actions just committed for one customer.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="actions">The actions, in order.</param>
    /// <param name="cancellationToken">Cancels dispatch.</param>
    /// <returns>A task that completes when every action was sent or left in the outbox.</returns>
    public async Task DispatchAsync(string customerId, IReadOnlyList<ActionMessage> actions, CancellationToken cancellationToken)
    {
        if (actions.Count == 0)
        {
            return;
        }

        var sent = new List<string>(actions.Count);
        try
        {
            foreach (var action in actions)
            {
                await SendAsync(action, cancellationToken);
                sent.Add(action.IdempotencyKey);
            }

        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The outbox still holds whatever was not confirmed; recovery sends it again.
            Volatile.Write(ref _failedSinceRecovery, 1);
            LogDispatchFailed(exception, customerId, actions.Count - sent.Count);
        }
        finally
        {
            if (sent.Count > 0)
            {
                Acknowledgements.Add(customerId, sent, _clock.GetUtcNow());
            }
        }
    }

    /// <summary>
    /// Sends again the actions of one instance that are still in its customer's outbox and that this process has not
    /// dispatched: what a runtime that retries the work that committed them (a Durable activity retried after a crash
    /// or a failed send) must not lose. A send that fails throws, so the retry is retried in turn.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the sends.</param>
    /// <returns>How many actions were sent.</returns>
    /// <remarks>One range query within the customer's partition.</remarks>
    public async Task<int> RedispatchAsync(string customerId, string instanceId, CancellationToken cancellationToken)
    {
        var sent = new List<string>();
        try
        {
            await foreach (var action in _customers.ReadOutboxAsync(customerId, cancellationToken))
            {
                if (action.InstanceId == instanceId && !Acknowledgements.Contains(customerId, action.IdempotencyKey))
                {
                    await SendAsync(action, cancellationToken);
                    sent.Add(action.IdempotencyKey);
                }
            }
        }
        finally
        {
            if (sent.Count > 0)
            {
                Acknowledgements.Add(customerId, sent, _clock.GetUtcNow());
            }
        }

        return sent.Count;
    }

    /// <summary>Whether this process dispatched an action whose outbox entry is not removed yet.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="idempotencyKey">The action.</param>
    /// <returns>True when it was sent.</returns>
    public bool WasDispatched(string customerId, string idempotencyKey) => Acknowledgements.Contains(customerId, idempotencyKey);

    /// <summary>
    /// Removes the outbox entries of dispatched actions for customers no input has reached for
    /// <paramref name="idleFor"/>, so an idle customer's outbox does not wait for its next input.
    /// </summary>
    /// <param name="idleFor">How long since the latest dispatch; <see cref="TimeSpan.Zero"/> flushes every customer (shutdown).</param>
    /// <param name="cancellationToken">Cancels the flush.</param>
    /// <returns>How many outbox entries were removed.</returns>
    public async Task<int> FlushAcknowledgedAsync(TimeSpan idleFor, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var (customerId, keys) in Acknowledgements.IdleSince(_clock.GetUtcNow() - idleFor))
        {
            await _customers.RemoveFromOutboxAsync(customerId, keys, cancellationToken);
            Acknowledgements.Forget(customerId, keys);
            count += keys.Count;
        }

        return count;
    }

    /// <summary>
    /// One acknowledgement round: removes from the dispatch log the marks whose outbox entries are gone, then marks
    /// every action dispatched since the previous round, both in batches across customers (one transaction per
    /// page of up to 100). A crash then re-sends only what was dispatched since the last round.
    /// </summary>
    /// <param name="cancellationToken">Cancels the round.</param>
    /// <returns>How many actions were marked.</returns>
    /// <remarks>
    /// The mark is written after the send, never before, so an action is never skipped unsent. A customer whose
    /// next commit removes its entry before the round costs nothing here.
    /// </remarks>
    public async Task<int> AcknowledgeAsync(CancellationToken cancellationToken)
    {
        if (_log is null)
        {
            return 0;
        }

        var unmarks = Acknowledgements.TakeUnmarks();
        if (unmarks.Count > 0)
        {
            try
            {
                await _log.UnmarkAsync(unmarks, cancellationToken);
            }
            catch
            {
                Acknowledgements.ReturnUnmarks(unmarks);
                throw;
            }
        }

        var marks = Acknowledgements.Unmarked(Page(_clock.GetUtcNow()));
        if (marks.Count > 0)
        {
            await _log.MarkAsync(marks, cancellationToken);
            Acknowledgements.Marked(marks);
        }

        return marks.Count;
    }

    /// <summary>Sends every action left in any outbox (after a crash or a failed dispatch) that no process marked dispatched.</summary>
    /// <param name="cancellationToken">Cancels recovery.</param>
    /// <returns>How many actions were sent.</returns>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        // Read before the outboxes: a mark only ever follows its send, so every action marked here was sent.
        var marks = new List<DispatchMark>();
        if (_log is not null)
        {
            await foreach (var mark in _log.ReadAllAsync(cancellationToken))
            {
                marks.Add(mark);
            }
        }

        var marked = marks.Select(m => m.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        var count = 0;
        await foreach (var action in _customers.ReadAllOutboxesAsync(cancellationToken))
        {
            // Sent already (by this process, or marked by any), its entry only waiting to be removed: remove, don't resend.
            var sent = Acknowledgements.Contains(action.CustomerId, action.IdempotencyKey) || marked.Contains(action.IdempotencyKey);
            if (!sent)
            {
                await SendAsync(action, cancellationToken);
                count++;
            }

            await _customers.RemoveFromOutboxAsync(action.CustomerId, [action.IdempotencyKey], cancellationToken);
            Acknowledgements.Forget(action.CustomerId, [action.IdempotencyKey]);
        }

        // Every entry these marks stood for is removed now (or was before): the marks go too.
        if (marks.Count > 0)
        {
            await _log!.UnmarkAsync(marks, cancellationToken);
        }

        if (count > 0 || marks.Count > 0)
        {
            LogRecovered(count, marks.Count);
        }

        return count;
    }

    /// <summary>
    /// Runs <see cref="RecoverAsync"/> when a dispatch failed since the last recovery, so actions left in an
    /// outbox while the process runs are sent without waiting for a restart. Costs nothing otherwise.
    /// </summary>
    /// <param name="cancellationToken">Cancels recovery.</param>
    /// <returns>How many actions were sent.</returns>
    public async Task<int> RecoverIfDispatchFailedAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _failedSinceRecovery, 0) == 0)
        {
            return 0;
        }

        try
        {
            return await RecoverAsync(cancellationToken);
        }
        catch
        {
            Volatile.Write(ref _failedSinceRecovery, 1);
            throw;
        }
    }

    // Every send, first or again, is one dispatch span under whatever span is current (the ingress's, a wake-up's).
    private async Task SendAsync(ActionMessage action, CancellationToken cancellationToken)
    {
        using var span = JourneyTracing.Source.StartActivity(JourneyTracing.DispatchSpan, System.Diagnostics.ActivityKind.Producer);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(JourneyTracing.JourneyId, action.JourneyId);
            span.SetTag(JourneyTracing.JourneyVersion, action.Version);
            span.SetTag(JourneyTracing.InstanceId, action.InstanceId);
            span.SetTag(JourneyTracing.Step, action.StepId);
            span.SetTag(JourneyTracing.IdempotencyKey, action.IdempotencyKey);
            span.SetTag(JourneyTracing.Channel, action.Channel);
        }

        try
        {
            await _sink.SendAsync(action, cancellationToken);
        }
        catch (Exception exception)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatch for customer {CustomerId} failed; {Pending} action(s) stay in the outbox for recovery")]
    private partial void LogDispatchFailed(Exception exception, string customerId, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered {Count} action(s) from outboxes; {Marked} marked dispatched were not sent again")]
    private partial void LogRecovered(int count, int marked);

    // A page per minute: marks written together share a partition, and partitions do not grow for ever.
    private static string Page(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture);
}
