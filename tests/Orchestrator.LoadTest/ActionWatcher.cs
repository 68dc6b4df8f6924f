using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Queues;

namespace Orchestrator.LoadTest;

/// <summary>
/// Reads the <c>actions</c> queue as a channel app would (receive, then delete), noting when each action was first
/// seen by the touchpoint that caused it, and counting copies per idempotency key.
/// </summary>
internal sealed class ActionWatcher(QueueClient queue)
{
    // Short, so the measured acceptance-to-action latency is not padded by polling.
    private static readonly TimeSpan EmptyQueuePause = TimeSpan.FromMilliseconds(5);

    private const int Readers = 2;
    private readonly ConcurrentDictionary<string, long> _seenByTouchpoint = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _copiesByKey = new(StringComparer.Ordinal);

    /// <summary>Stopwatch timestamps of the first sighting, by the touchpoint id in the action's data.</summary>
    public IReadOnlyDictionary<string, long> SeenByTouchpoint => _seenByTouchpoint;

    public int Duplicates => _copiesByKey.Values.Sum(c => c - 1);

    public int Distinct => _copiesByKey.Count;

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, Readers).Select(_ => Task.Run(() => ReadAsync(cancellationToken), cancellationToken)));

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var received = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5), cancellationToken)).Value;
                var now = Stopwatch.GetTimestamp();
                if (received.Length == 0)
                {
                    await Task.Delay(EmptyQueuePause, cancellationToken);
                    continue;
                }

                foreach (var message in received)
                {
                    using var document = JsonDocument.Parse(message.Body.ToMemory());
                    var root = document.RootElement;
                    var key = root.GetProperty("idempotencyKey").GetString() ?? "";
                    var id = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                        && data.TryGetProperty("touchpoint", out var touchpoint) ? touchpoint.GetString() : null;
                    if (id is not null && id.StartsWith(LoadJourney.WarmUpPrefix, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    _copiesByKey.AddOrUpdate(key, 1, (_, c) => c + 1);
                    if (id is not null)
                    {
                        _seenByTouchpoint.TryAdd(id, now);
                    }
                }

                await Task.WhenAll(received.Select(m => queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, cancellationToken)));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
