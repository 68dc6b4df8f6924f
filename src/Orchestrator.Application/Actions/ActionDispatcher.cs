using Microsoft.Extensions.Logging;
using Orchestrator.Application.Ports;

namespace Orchestrator.Application.Actions;

/// <summary>
/// Sends committed actions to the action sink and clears them from the customer's outbox. A failure
/// leaves them in the outbox, where <see cref="RecoverAsync"/> finds them: dispatch is at-least-once,
/// and every delivery of one action carries the same idempotency key.
/// </summary>
public sealed partial class ActionDispatcher
{
    private readonly IActionSink _sink;
    private readonly ICustomerStore _customers;
    private readonly ILogger<ActionDispatcher> _logger;
    private int _failedSinceRecovery;

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="sink">Where actions go.</param>
    /// <param name="customers">Holds the outboxes.</param>
    /// <param name="logger">Logger.</param>
    public ActionDispatcher(IActionSink sink, ICustomerStore customers, ILogger<ActionDispatcher> logger)
    {
        _sink = sink;
        _customers = customers;
        _logger = logger;
    }

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
                await _sink.SendAsync(action, cancellationToken);
                sent.Add(action.IdempotencyKey);
            }

            await _customers.RemoveFromOutboxAsync(customerId, sent, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The outbox still holds whatever was not confirmed; recovery sends it again.
            Volatile.Write(ref _failedSinceRecovery, 1);
            LogDispatchFailed(exception, customerId, actions.Count - sent.Count);
        }
    }

    /// <summary>Sends every action left in any outbox (after a crash or a failed dispatch).</summary>
    /// <param name="cancellationToken">Cancels recovery.</param>
    /// <returns>How many actions were sent.</returns>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var action in _customers.ReadAllOutboxesAsync(cancellationToken))
        {
            await _sink.SendAsync(action, cancellationToken);
            await _customers.RemoveFromOutboxAsync(action.CustomerId, [action.IdempotencyKey], cancellationToken);
            count++;
        }

        if (count > 0)
        {
            LogRecovered(count);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatch for customer {CustomerId} failed; {Pending} action(s) stay in the outbox for recovery")]
    private partial void LogDispatchFailed(Exception exception, string customerId, int pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered {Count} action(s) from outboxes")]
    private partial void LogRecovered(int count);
}
