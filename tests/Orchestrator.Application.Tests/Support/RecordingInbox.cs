using Orchestrator.Application.Ports;

namespace Orchestrator.Application.Tests.Support;

/// <summary>A touchpoint inbox that delegates to the in-memory queue, records enqueues and can refuse them.</summary>
internal sealed class RecordingInbox(ITouchpointInbox inner) : ITouchpointInbox
{
    private readonly List<(string Body, TimeSpan Delay)> _enqueued = [];

    /// <summary>Messages enqueued so far, with their delays.</summary>
    public IReadOnlyList<(string Body, TimeSpan Delay)> Enqueued => _enqueued;

    /// <summary>When set, every enqueue throws it (the queue is down too).</summary>
    public Exception? EnqueueFailure { get; set; }

    public Task EnqueueAsync(string body, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (EnqueueFailure is { } failure)
        {
            return Task.FromException(failure);
        }

        _enqueued.Add((body, delay));
        return inner.EnqueueAsync(body, delay, cancellationToken);
    }

    public Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int max, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        inner.ReceiveAsync(max, visibilityTimeout, cancellationToken);

    public Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken) =>
        inner.DeleteAsync(message, cancellationToken);
}
