using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Queues;

/// <summary><see cref="ITouchpointInbox"/> on the <c>touchpoints</c> Storage Queue; message text is the CloudEvent JSON as given.</summary>
/// <param name="queue">The queue, with <see cref="QueueMessageEncoding.None"/>.</param>
internal sealed class QueueTouchpointInbox(QueueClient queue) : ITouchpointInbox
{
    /// <summary>Never expire: the default of seven days would silently drop a touchpoint nobody received.</summary>
    internal static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);

    /// <inheritdoc />
    public Task EnqueueAsync(string body, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        QueueRules.ValidateDelay(delay);
        return queue.SendMessageAsync(body, QueueRules.WholeSeconds(delay), NeverExpire, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int max, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        QueueRules.ValidateReceive(max, visibilityTimeout);
        var received = await queue.ReceiveMessagesAsync(max, QueueRules.WholeSeconds(visibilityTimeout), cancellationToken);
        return [.. received.Value.Select(m => new QueuedMessage(m.MessageId, m.PopReceipt, m.MessageText, m.DequeueCount))];
    }

    /// <inheritdoc />
    public async Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.Receipt, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404 || e.ErrorCode == QueueErrorCode.PopReceiptMismatch)
        {
            // Already deleted (404), or the lease ran out and a later delivery holds the message (Azure answers
            // 404, Azurite 400 PopReceiptMismatch): that delivery deletes it, and the dedupe marker makes the
            // repeat harmless.
        }
    }
}
