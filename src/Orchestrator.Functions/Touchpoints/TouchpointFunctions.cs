using System.Diagnostics;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Orchestrator.Durable.Ingress;
using Orchestrator.Functions.Http;

namespace Orchestrator.Functions.Touchpoints;

/// <summary>
/// Touchpoint ingress from the Service Bus <c>touchpoints</c> queue (sessions by customer keep one customer's
/// touchpoints in order): bindings only. <see cref="DurableTouchpointIngress"/> handles the message; this settles it
/// as the ingress decided.
/// </summary>
/// <param name="ingress">The Durable touchpoint ingress.</param>
public sealed class TouchpointFunctions(DurableTouchpointIngress ingress)
{
    /// <summary>Handles one touchpoint message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="messageActions">Settles the message.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="cancellationToken">Cancels handling.</param>
    /// <returns>A task that completes when the message is settled.</returns>
    [Function("TouchpointIngress")]
    public async Task Run(
        [ServiceBusTrigger(ServiceBusTouchpointForwarder.QueueName, Connection = "ServiceBusConnection", IsSessionsEnabled = true, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions messageActions,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(messageActions);
        var decision = await ingress.HandleAsync(message.Body.ToMemory(), message.MessageId, message.DeliveryCount, client, cancellationToken);
        await (decision switch
        {
            SettleDecision.Complete => messageActions.CompleteMessageAsync(message, cancellationToken),
            SettleDecision.DeadLetter deadLetter => messageActions.DeadLetterMessageAsync(
                message, propertiesToModify: null, deadLetter.Reason, deadLetter.Description, cancellationToken),
            SettleDecision.Abandon => messageActions.AbandonMessageAsync(message, propertiesToModify: null, cancellationToken),
            _ => throw new UnreachableException($"Unknown settle decision {decision}."),
        });
    }
}
