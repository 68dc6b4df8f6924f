using System.Globalization;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Memory;

/// <summary>
/// <see cref="ITouchpointInbox"/> in memory, with Storage Queue semantics: a received message hides for its
/// visibility timeout and comes back with a higher dequeue count unless deleted; each delivery has its own
/// receipt. Time comes from a <see cref="TimeProvider"/>, so tests move it. Thread-safe.
/// </summary>
/// <param name="time">The clock deciding visibility.</param>
public sealed class InMemoryTouchpointInbox(TimeProvider time) : ITouchpointInbox
{
    private readonly Lock _lock = new();
    private readonly List<Message> _messages = [];
    private long _lastId;

    /// <summary>Messages in the queue, visible or not, as the queue's approximate count would say.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _messages.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task EnqueueAsync(string body, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        QueueRules.ValidateDelay(delay);
        lock (_lock)
        {
            var id = (++_lastId).ToString(CultureInfo.InvariantCulture);
            _messages.Add(new Message(id, body) { VisibleAt = time.GetUtcNow() + QueueRules.WholeSeconds(delay) });
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int max, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        QueueRules.ValidateReceive(max, visibilityTimeout);
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var received = new List<QueuedMessage>(max);
            foreach (var message in _messages.Where(m => m.VisibleAt <= now).Take(max))
            {
                message.VisibleAt = now + QueueRules.WholeSeconds(visibilityTimeout);
                message.DequeueCount++;
                message.Receipt = $"{message.Id}:{message.DequeueCount}";
                received.Add(new QueuedMessage(message.Id, message.Receipt, message.Body, message.DequeueCount));
            }

            return Task.FromResult<IReadOnlyList<QueuedMessage>>(received);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_lock)
        {
            // As with the service, a stale receipt (the message was delivered again since) deletes nothing.
            _messages.RemoveAll(m => m.Id == message.MessageId && m.Receipt == message.Receipt);
        }

        return Task.CompletedTask;
    }

    private sealed class Message(string id, string body)
    {
        public string Id { get; } = id;

        public string Body { get; } = body;

        public DateTimeOffset VisibleAt { get; set; }

        public long DequeueCount { get; set; }

        public string? Receipt { get; set; }
    }
}
