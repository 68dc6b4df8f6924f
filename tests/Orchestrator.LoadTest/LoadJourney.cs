using System.Globalization;
using System.Text.Json;

namespace Orchestrator.LoadTest;

/// <summary>
/// The journey under load: a touchpoint starts an instance that waits; the next one advances it through a send (one
/// action) into a second wait; the third ends it. No timeouts, so no timers: each advancing touchpoint is exactly
/// the case the round-trip target is stated for.
/// </summary>
internal static class LoadJourney
{
    public const string Id = "load-test";
    public const string Started = "load.started";
    public const string Step = "load.step";

    /// <summary>Prefix of the warm-up cycle's customer and touchpoint ids, whose actions are not measured.</summary>
    public const string WarmUpPrefix = "warmup-";

    public const string Json = """
        {
          "id": "load-test",
          "name": "Load test",
          "entry": { "event": "load.started", "reentry": "afterExit" },
          "start": "wait-first",
          "steps": {
            "wait-first": { "type": "waitFor", "events": [ { "event": "load.step", "next": "act" } ] },
            "act": { "type": "send", "channel": "push", "action": "load-action", "data": { "touchpoint": "{{event.data.touchpoint}}" }, "next": "wait-second" },
            "wait-second": { "type": "waitFor", "events": [ { "event": "load.step", "next": "done" } ] },
            "done": { "type": "end", "outcome": "success" }
          }
        }
        """;

    /// <summary>A structured-mode CloudEvent carrying its own id in its data, so the action it causes names it.</summary>
    public static string CloudEvent(string id, string type, string customerId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("specversion", "1.0");
            json.WriteString("id", id);
            json.WriteString("source", "load-test");
            json.WriteString("type", type);
            json.WriteString("subject", customerId);
            json.WriteString("time", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("datacontenttype", "application/json");
            json.WriteStartObject("data");
            json.WriteString("touchpoint", id);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
