using System.Text.Json;
using Azure.Storage.Queues;

namespace Orchestrator.Standalone.Tests.Support;

/// <summary>Reads the <c>actions</c> queue the way a channel app does.</summary>
public static class ActionsQueue
{
    /// <summary>Receives and deletes every visible message; returns them as JSON, oldest first.</summary>
    /// <param name="queue">The queue.</param>
    /// <returns>The messages.</returns>
    public static async Task<IReadOnlyList<JsonElement>> DrainAsync(QueueClient queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var messages = new List<JsonElement>();
        while (true)
        {
            var received = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
            if (received.Length == 0)
            {
                return messages;
            }

            foreach (var message in received)
            {
                using var json = JsonDocument.Parse(message.MessageText);
                messages.Add(json.RootElement.Clone());
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    /// <summary>The messages for one customer.</summary>
    /// <param name="messages">Messages read.</param>
    /// <param name="customerId">The customer.</param>
    /// <returns>Theirs, in order.</returns>
    public static IReadOnlyList<JsonElement> For(this IEnumerable<JsonElement> messages, string customerId) =>
        [.. messages.Where(m => m.GetProperty("customerId").GetString() == customerId)];
}
