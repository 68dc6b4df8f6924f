using Azure.Messaging.ServiceBus;
using Orchestrator.Application.Touchpoints;

namespace Orchestrator.Functions.Http;

/// <summary>
/// Forwards touchpoints taken over HTTP to the Service Bus queue that the <c>TouchpointIngress</c> function reads,
/// so they reach the orchestrations by the same road, and in the same order per customer, as those sent to the queue.
/// </summary>
/// <remarks>
/// The message is what the queue's function reads: the structured-mode CloudEvent as its body, the subject as its
/// session (one customer's touchpoints in order), the event id as its message id (so a resent event is dropped when
/// the queue detects duplicates; the orchestrations drop a touchpoint id they applied in any case).
/// </remarks>
public sealed class ServiceBusTouchpointForwarder : IAsyncDisposable
{
    /// <summary>The queue, as the <c>TouchpointIngress</c> function's trigger names it.</summary>
    public const string QueueName = "touchpoints";

    private readonly ServiceBusSender _sender;

    /// <summary>Creates the forwarder over the app's Service Bus client.</summary>
    /// <param name="client">The client.</param>
    public ServiceBusTouchpointForwarder(ServiceBusClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _sender = client.CreateSender(QueueName);
    }

    /// <summary>Sends one touchpoint to the queue.</summary>
    /// <param name="touchpoint">The validated touchpoint.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The touchpoint as <see cref="AcceptStatus.Queued"/>: taken, to be applied by its orchestrations.</returns>
    public async Task<AcceptResult> ForwardAsync(IncomingTouchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        var message = new ServiceBusMessage(touchpoint.StructuredJson)
        {
            MessageId = touchpoint.Id,
            SessionId = touchpoint.Subject,
            ContentType = CloudEventReader.StructuredContentType,
        };
        await _sender.SendMessageAsync(message, cancellationToken);
        return new AcceptResult(touchpoint.Id, touchpoint.Subject, AcceptStatus.Queued);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _sender.DisposeAsync();
}
