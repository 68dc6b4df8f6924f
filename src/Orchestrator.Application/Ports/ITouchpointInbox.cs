namespace Orchestrator.Application.Ports;

/// <summary>
/// The <c>touchpoints</c> queue: a second ingress for channel apps, and where touchpoints that failed
/// after acceptance wait for their retry.
/// </summary>
public interface ITouchpointInbox
{
    /// <summary>Queues a message.</summary>
    /// <param name="body">CloudEvent JSON.</param>
    /// <param name="delay">How long it stays invisible (retry back-off).</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when durably queued.</returns>
    Task EnqueueAsync(string body, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Receives up to <paramref name="max"/> visible messages, hiding them for <paramref name="visibilityTimeout"/>.</summary>
    /// <param name="max">Most messages (1 to 32).</param>
    /// <param name="visibilityTimeout">How long received messages stay hidden.</param>
    /// <param name="cancellationToken">Cancels the receive.</param>
    /// <returns>Messages; empty when none are visible.</returns>
    Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int max, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>Deletes a processed message.</summary>
    /// <param name="message">The received message.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>A task that completes when deleted.</returns>
    Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken);
}
