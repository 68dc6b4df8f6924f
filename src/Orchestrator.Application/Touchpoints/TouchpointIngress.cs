using Microsoft.Extensions.Logging;
using Orchestrator.Application.Identity;
using Orchestrator.Application.Poison;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Telemetry;
using Orchestrator.Journeys;

namespace Orchestrator.Application.Touchpoints;

/// <summary>
/// Takes validated touchpoints from any ingress and makes sure none is lost: applied at once when
/// possible, otherwise queued for retry, and after <see cref="ApplicationOptions.MaxDeliveryAttempts"/>
/// deliveries kept in the poison store with the reason.
/// </summary>
public sealed partial class TouchpointIngress
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private readonly CustomerProcessor _processor;
    private readonly TouchpointRouting _routing;
    private readonly ITouchpointInbox _inbox;
    private readonly IPoisonStore _poison;
    private readonly TimeProvider _clock;
    private readonly ApplicationOptions _options;
    private readonly ILogger<TouchpointIngress> _logger;

    /// <summary>Creates the ingress.</summary>
    /// <param name="processor">Applies touchpoints.</param>
    /// <param name="identities">Resolves subjects.</param>
    /// <param name="inbox">Retry queue.</param>
    /// <param name="poison">Where unprocessable touchpoints are kept.</param>
    /// <param name="clock">Current time.</param>
    /// <param name="options">Options.</param>
    /// <param name="logger">Logger.</param>
    public TouchpointIngress(
        CustomerProcessor processor,
        IdentityResolver identities,
        ITouchpointInbox inbox,
        IPoisonStore poison,
        TimeProvider clock,
        ApplicationOptions options,
        ILogger<TouchpointIngress> logger)
    {
        _processor = processor;
        _routing = new TouchpointRouting(processor, identities, clock);
        _inbox = inbox;
        _poison = poison;
        _clock = clock;
        _options = options;
        _logger = logger;
    }

    /// <summary>
    /// Accepts a touchpoint: applies it, or, when that fails, queues it for retry. Throws only when the
    /// touchpoint could not even be queued, so the caller can answer that it was not accepted.
    /// </summary>
    /// <param name="incoming">The validated touchpoint.</param>
    /// <param name="cancellationToken">Cancels acceptance.</param>
    /// <returns>How it was taken.</returns>
    public async Task<AcceptResult> AcceptAsync(IncomingTouchpoint incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        try
        {
            return await ApplyAsync(incoming, cancellationToken);
        }
        // Filtered on the caller's token, not the exception type: storage clients report their own
        // time-outs as cancellations, and those must still be queued for retry.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return await QueueAsync(incoming, exception, cancellationToken);
        }
    }

    // A touchpoint of a batch applied in a transaction of its own, or queued when that fails.
    private async Task<AcceptResult> ApplyAloneAsync(IncomingTouchpoint incoming, Touchpoint touchpoint, System.Diagnostics.Activity? span, CancellationToken cancellationToken)
    {
        try
        {
            return Taken(touchpoint, (await _processor.ApplyTouchpointsAsync([touchpoint], cancellationToken))[0], span);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            IngressTracing.Fail(span, exception);
            return await QueueAsync(incoming, exception, cancellationToken);
        }
    }

    // Throws only when the touchpoint could not even be queued.
    private async Task<AcceptResult> QueueAsync(IncomingTouchpoint incoming, Exception exception, CancellationToken cancellationToken)
    {
        LogQueuedForRetry(exception, incoming.Id);
        var queued = JourneyTracing.Source.HasListeners() ? TraceParent.Write(incoming.StructuredJson) : incoming.StructuredJson;
        await _inbox.EnqueueAsync(queued, RetryDelay, cancellationToken);
        return new AcceptResult(incoming.Id, incoming.Subject, AcceptStatus.Queued);
    }

    /// <summary>
    /// Accepts a batch: resolves every subject, then applies each customer's touchpoints, in the batch's order, as a
    /// group commit (as few transactions as the customer's limits allow). A touchpoint or customer group that cannot
    /// be applied now is queued for retry, as <see cref="AcceptAsync"/> does for one.
    /// </summary>
    /// <param name="batch">The validated touchpoints, in order.</param>
    /// <param name="cancellationToken">Cancels acceptance.</param>
    /// <returns>How each was taken, in the batch's order; or, when one could not even be queued, those taken before it.</returns>
    public async Task<BatchAcceptResult> AcceptBatchAsync(IReadOnlyList<IncomingTouchpoint> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new AcceptResult?[batch.Count];
        var spans = new System.Diagnostics.Activity?[batch.Count];
        var resolved = new List<(int Index, Touchpoint Touchpoint)>(batch.Count);
        var parent = System.Diagnostics.Activity.Current;
        var taking = 0;
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                // Siblings under the request, each open until its touchpoint is taken.
                taking = i;
                spans[i] = IngressTracing.Start(batch[i]);
                System.Diagnostics.Activity.Current = parent;
                try
                {
                    resolved.Add((i, await _routing.ResolveAsync(batch[i], cancellationToken)));
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    IngressTracing.Fail(spans[i], exception);
                    results[i] = await QueueAsync(batch[i], exception, cancellationToken);
                }
            }

            foreach (var customer in resolved.GroupBy(r => r.Touchpoint.CustomerId, StringComparer.Ordinal))
            {
                var group = customer.ToArray();
                taking = group[0].Index;
                try
                {
                    var processed = await _processor.ApplyTouchpointsAsync([.. group.Select(g => g.Touchpoint)], cancellationToken);
                    for (var j = 0; j < group.Length; j++)
                    {
                        results[group[j].Index] = Taken(group[j].Touchpoint, processed[j], spans[group[j].Index]);
                    }
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested && group.Length > 1)
                {
                    // One touchpoint that cannot be applied must not hold back the others: those the group settled keep
                    // their result, the rest go alone, as one at a time would.
                    LogGroupFailed(exception, customer.Key, group.Length);
                    var settled = (exception as GroupPartlyAppliedException)?.Settled ?? [];
                    for (var j = 0; j < group.Length; j++)
                    {
                        var (index, touchpoint) = group[j];
                        taking = index;
                        results[index] = j < settled.Count
                            ? Taken(touchpoint, settled[j], spans[index])
                            : await ApplyAloneAsync(batch[index], touchpoint, spans[index], cancellationToken);
                    }
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    IngressTracing.Fail(spans[group[0].Index], exception);
                    results[group[0].Index] = await QueueAsync(batch[group[0].Index], exception, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new BatchAcceptResult([.. results.OfType<AcceptResult>()], batch[taking].Id, exception);
        }
        finally
        {
            foreach (var span in spans)
            {
                span?.Dispose();
            }
        }

        return new BatchAcceptResult([.. results.OfType<AcceptResult>()], null, null);
    }

    // How a touchpoint that reached its customer's transaction was taken, told to its span too.
    private static AcceptResult Taken(Touchpoint touchpoint, ProcessResult processed, System.Diagnostics.Activity? span)
    {
        var status = processed.Status == ProcessStatus.Duplicate ? AcceptStatus.Duplicate : AcceptStatus.Applied;
        span?.SetTag(JourneyTracing.Outcome, status == AcceptStatus.Duplicate ? "duplicate" : "applied");
        return new AcceptResult(touchpoint.Id, touchpoint.CustomerId, status);
    }

    /// <summary>
    /// Processes one message from the touchpoints queue: applies it and deletes it; keeps an invalid one,
    /// or one that failed too often, in the poison store; otherwise leaves it for redelivery.
    /// </summary>
    /// <param name="message">The received message.</param>
    /// <param name="cancellationToken">Cancels processing.</param>
    /// <returns>A task that completes when the message was handled.</returns>
    public async Task ProcessQueuedAsync(QueuedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var read = CloudEventReader.ReadStructured(System.Text.Encoding.UTF8.GetBytes(message.Body), _options.MaxTouchpointBytes);
        if (!read.IsValid)
        {
            await KeepAsideAsync(message, $"invalid CloudEvent: {string.Join("; ", read.Problems)}", cancellationToken);
            return;
        }

        try
        {
            await ApplyAsync(read.Touchpoints[0], cancellationToken, TraceParent.Read(message.Body));
            await _inbox.DeleteAsync(message, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (message.DequeueCount >= _options.MaxDeliveryAttempts)
            {
                await KeepAsideAsync(message, $"failed {message.DequeueCount} times: {exception.Message}", cancellationToken);
                return;
            }

            // Left in the queue: it becomes visible again when its visibility timeout ends.
            LogDeliveryFailed(exception, message.MessageId, message.DequeueCount);
        }
    }

    /// <summary>
    /// Re-submits a poison entry: applies it at once (never queues it) and deletes the entry; when it fails
    /// again the entry stays, with the new reason and one more attempt counted.
    /// </summary>
    /// <param name="id">The poison entry id.</param>
    /// <param name="cancellationToken">Cancels the replay.</param>
    /// <returns>What happened.</returns>
    public async Task<PoisonReplay> ReplayPoisonAsync(string id, CancellationToken cancellationToken)
    {
        var entry = await _poison.GetAsync(id, cancellationToken);
        if (entry is null)
        {
            return new PoisonReplay(PoisonReplayStatus.NotFound, null, null);
        }

        string reason;
        var read = CloudEventReader.ReadStructured(System.Text.Encoding.UTF8.GetBytes(entry.Body), _options.MaxTouchpointBytes);
        if (!read.IsValid)
        {
            reason = $"invalid CloudEvent: {string.Join("; ", read.Problems)}";
        }
        else
        {
            try
            {
                var accepted = await ApplyAsync(read.Touchpoints[0], cancellationToken);
                await _poison.DeleteAsync(id, cancellationToken);
                return new PoisonReplay(PoisonReplayStatus.Replayed, accepted, null);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                reason = $"replay failed: {exception.Message}";
            }
        }

        await _poison.AddAsync(entry with { Reason = reason, Attempts = entry.Attempts + 1, At = _clock.GetUtcNow() }, cancellationToken);
        return new PoisonReplay(PoisonReplayStatus.Failed, null, reason);
    }

    private async Task<AcceptResult> ApplyAsync(IncomingTouchpoint incoming, CancellationToken cancellationToken, System.Diagnostics.ActivityContext parent = default)
    {
        using var span = IngressTracing.Start(incoming, parent);
        try
        {
            var (touchpoint, result) = await _routing.RouteAsync(
                incoming, t => new CustomerInput.TouchpointArrived(t), _processor.Applying(cancellationToken), redelivered: null, cancellationToken);
            return Taken(touchpoint, result, span);
        }
        catch (Exception exception)
        {
            IngressTracing.Fail(span, exception);
            throw;
        }
    }

    private async Task KeepAsideAsync(QueuedMessage message, string reason, CancellationToken cancellationToken)
    {
        var entry = new PoisonEntry($"q-{message.MessageId}", message.Body, reason, "queue", message.DequeueCount, _clock.GetUtcNow());
        await _poison.AddAsync(entry, cancellationToken);
        await _inbox.DeleteAsync(message, cancellationToken);
        LogKeptAside(message.MessageId, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Touchpoint {TouchpointId} could not be applied now; queued for retry")]
    private partial void LogQueuedForRetry(Exception exception, string touchpointId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group commit of {Count} touchpoints of customer {CustomerId} failed; applying them one at a time")]
    private partial void LogGroupFailed(Exception exception, string customerId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued touchpoint {MessageId} failed (delivery {Attempt}); it will be retried")]
    private partial void LogDeliveryFailed(Exception exception, string messageId, long attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Touchpoint message {MessageId} kept aside as poison: {Reason}")]
    private partial void LogKeptAside(string messageId, string reason);
}
