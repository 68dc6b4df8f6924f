using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Conformance.Tests.Harness.Api;

/// <summary>Builds structured-mode CloudEvents the way a channel app sends touchpoints.</summary>
public static class CloudEvents
{
    /// <summary>One touchpoint as CloudEvent JSON.</summary>
    /// <param name="id">Event id, the dedupe key.</param>
    /// <param name="source">The channel app.</param>
    /// <param name="type">Event type.</param>
    /// <param name="customerId">The subject.</param>
    /// <param name="time">When it happened.</param>
    /// <param name="data">Payload, if any.</param>
    /// <returns>The JSON.</returns>
    public static string Touchpoint(string id, string source, string type, string customerId, DateTimeOffset time, JsonElement? data)
    {
        var cloudEvent = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = id,
            ["source"] = source,
            ["type"] = type,
            ["subject"] = customerId,
            ["time"] = time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        };
        if (data is { } payload)
        {
            cloudEvent["datacontenttype"] = "application/json";
            cloudEvent["data"] = JsonNode.Parse(payload.GetRawText());
        }

        return cloudEvent.ToJsonString();
    }
}
