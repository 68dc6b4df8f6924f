using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Serialization;

namespace Orchestrator.Functions.Actions;

/// <summary>
/// Sends actions to the Service Bus <c>actions</c> topic: the body is the <see cref="ActionMessage"/> JSON, the
/// message id its idempotency key (so duplicate detection drops a redelivered action), and the channel an
/// application property <c>channel</c> that subscriptions filter on.
/// </summary>
/// <param name="sender">The topic's sender.</param>
public sealed class ServiceBusActionSink(ServiceBusSender sender) : IActionSink
{
    /// <summary>The application property carrying the channel.</summary>
    public const string ChannelProperty = "channel";

    /// <summary>The longest message id Service Bus takes.</summary>
    public const int MaxMessageIdLength = 128;

    /// <inheritdoc />
    public Task SendAsync(ActionMessage action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return sender.SendMessageAsync(ToMessage(action), cancellationToken);
    }

    /// <summary>The Service Bus message for an action.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The message.</returns>
    public static ServiceBusMessage ToMessage(ActionMessage action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var message = new ServiceBusMessage(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(action, ApplicationJsonContext.Default.ActionMessage)))
        {
            MessageId = MessageIdOf(action.IdempotencyKey),
            ContentType = "application/json",
            Subject = action.Action,
        };
        message.ApplicationProperties[ChannelProperty] = action.Channel;
        return message;
    }

    /// <summary>
    /// The message id of an action: its idempotency key, or, for a key longer than Service Bus takes (a long instance
    /// id and step id), the key's SHA-256 in hex, which is as stable, so duplicate detection still drops a re-send.
    /// The body keeps the key itself.
    /// </summary>
    /// <param name="idempotencyKey">The action's idempotency key.</param>
    /// <returns>The message id.</returns>
    public static string MessageIdOf(string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        return idempotencyKey.Length <= MaxMessageIdLength
            ? idempotencyKey
            : "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(idempotencyKey)));
    }
}
