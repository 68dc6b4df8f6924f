using System.Text;
using System.Text.Json.Nodes;

namespace Orchestrator.Standalone.Tests.Support;

/// <summary>CloudEvents as channel apps send them.</summary>
public static class CloudEvents
{
    public const string Structured = "application/cloudevents+json";
    public const string Batch = "application/cloudevents-batch+json";

    /// <summary>A structured-mode event as a JSON object.</summary>
    /// <param name="id">Event id.</param>
    /// <param name="type">Event type.</param>
    /// <param name="subject">Customer id.</param>
    /// <param name="data">Payload, if any.</param>
    /// <returns>The event.</returns>
    public static JsonObject Event(string id, string type, string subject, JsonObject? data = null)
    {
        var cloudEvent = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = id,
            ["type"] = type,
            ["source"] = "tests",
            ["subject"] = subject,
        };
        if (data is not null)
        {
            cloudEvent["data"] = data;
        }

        return cloudEvent;
    }

    /// <summary>An <c>invoice.issued</c> event.</summary>
    /// <param name="id">Event id.</param>
    /// <param name="customerId">Customer id.</param>
    /// <returns>The event.</returns>
    public static JsonObject Invoice(string id, string customerId) =>
        Event(id, "invoice.issued", customerId, new JsonObject { ["invoiceId"] = $"INV-{id}", ["amount"] = 120.5, ["currency"] = "EUR" });

    /// <summary>A request body of the given CloudEvents media type.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="mediaType">The media type.</param>
    /// <returns>The content.</returns>
    public static StringContent Content(JsonNode json, string mediaType = Structured) =>
        new(json.ToJsonString(), Encoding.UTF8, mediaType);

    /// <summary>A request body of raw text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="mediaType">The media type.</param>
    /// <returns>The content.</returns>
    public static StringContent Content(string text, string mediaType = Structured) => new(text, Encoding.UTF8, mediaType);
}
