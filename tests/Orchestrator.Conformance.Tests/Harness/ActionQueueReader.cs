using System.Text.Json;
using Azure.Storage.Queues;
using Orchestrator.Conformance.Tests.Harness.Api;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>
/// Reads the <c>actions</c> queue the way a channel app does (receive, then delete) and keeps every message
/// it ever read, so a test can count deliveries per idempotency key.
/// </summary>
/// <param name="queue">The queue, with <see cref="QueueMessageEncoding.None"/>.</param>
public sealed class ActionQueueReader(QueueClient queue)
{
    private static readonly TimeSpan Invisibility = TimeSpan.FromMinutes(1);
    private const int Batch = 32;

    private readonly Lock _gate = new();
    private readonly List<ActionView> _read = [];

    /// <summary>Every message read so far, in the order read.</summary>
    public IReadOnlyList<ActionView> Read
    {
        get
        {
            lock (_gate)
            {
                return [.. _read];
            }
        }
    }

    /// <summary>Every message read so far, by idempotency key.</summary>
    public ILookup<string, ActionView> ByKey => Read.ToLookup(a => a.IdempotencyKey, StringComparer.Ordinal);

    /// <summary>Receives and deletes every visible message.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>How many messages were read.</returns>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        while (true)
        {
            var received = await queue.ReceiveMessagesAsync(Batch, Invisibility, cancellationToken);
            if (received.Value.Length == 0)
            {
                return count;
            }

            foreach (var message in received.Value)
            {
                var action = JsonSerializer.Deserialize<ActionView>(message.Body.ToString(), OrchestratorApi.Json)
                    ?? throw new InvalidOperationException($"The actions queue holds a message that is not an action: {message.Body}");
                lock (_gate)
                {
                    _read.Add(action);
                }

                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                count++;
            }
        }
    }

    /// <summary>Reads the queue until it holds every one of <paramref name="keys"/> (or the deadline passes).</summary>
    /// <param name="keys">Idempotency keys expected.</param>
    /// <param name="deadline">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The keys still missing at the deadline; empty when all arrived.</returns>
    public async Task<IReadOnlyList<string>> WaitForKeysAsync(IReadOnlyCollection<string> keys, TimeSpan deadline, CancellationToken cancellationToken)
    {
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    await DrainAsync(cancellationToken);
                    return Missing(keys).Count == 0;
                },
                deadline,
                () => $"the actions queue to hold every committed action; missing {string.Join(", ", Missing(keys))}",
                cancellationToken);
        }
        catch (TimeoutException)
        {
            // The caller reports the keys still missing.
        }

        return Missing(keys);
    }

    private List<string> Missing(IReadOnlyCollection<string> keys)
    {
        var byKey = ByKey;
        return [.. keys.Where(k => !byKey.Contains(k))];
    }
}
