using System.Text.Json;
using Azure.Storage.Queues;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Serialization;

namespace Orchestrator.Storage.Queues;

/// <summary><see cref="IActionSink"/> on the <c>actions</c> Storage Queue: one plain-text JSON message per action.</summary>
/// <param name="queue">The queue, with <see cref="QueueMessageEncoding.None"/>.</param>
internal sealed class QueueActionSink(QueueClient queue) : IActionSink
{
    /// <inheritdoc />
    public Task SendAsync(ActionMessage action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var json = JsonSerializer.Serialize(action, ApplicationJsonContext.Default.ActionMessage);
        return queue.SendMessageAsync(json, visibilityTimeout: null, QueueTouchpointInbox.NeverExpire, cancellationToken);
    }
}
