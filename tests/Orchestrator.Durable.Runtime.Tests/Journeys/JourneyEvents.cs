using System.Globalization;
using System.Text.Json.Nodes;

namespace Orchestrator.Durable.Runtime.Tests.Journeys;

/// <summary>Touchpoints as channel apps send them (structured CloudEvents), and the small journeys the tests run.</summary>
internal static class JourneyEvents
{
    /// <summary>
    /// Waits for <c>ping</c> and answers each with a <c>pong</c> action carrying the ping's number, forever, so every
    /// ping records a transition (an activity) and a lost one shows as a missing pong.
    /// </summary>
    public const string Pinger = """
        { "id": "pinger", "name": "Pinger",
          "entry": { "event": "ping.start", "reentry": "never" },
          "exit": [ { "event": "ping.stop" } ],
          "start": "hello",
          "steps": {
            "hello": { "type": "send", "channel": "test", "action": "hello", "next": "wait" },
            "wait": { "type": "waitFor", "events": [ { "event": "ping", "next": "pong" } ] },
            "pong": { "type": "send", "channel": "test", "action": "pong", "data": { "n": "{{event.data.n}}" }, "next": "wait" } } }
        """;

    /// <summary>A structured CloudEvent for a customer, at the current time (the runtime's timers are real).</summary>
    public static string CloudEvent(string id, string type, string customerId, JsonObject? data = null)
    {
        var cloudEvent = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = id,
            ["source"] = "test-app",
            ["type"] = type,
            ["subject"] = customerId,
            ["time"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
        };
        if (data is not null)
        {
            cloudEvent["datacontenttype"] = "application/json";
            cloudEvent["data"] = data;
        }

        return cloudEvent.ToJsonString();
    }

    /// <summary>The deterministic instance id the ingress gives a journey entered by a touchpoint.</summary>
    public static string InstanceId(string journeyId, string customerId, string touchpointId) =>
        Orchestrator.Journeys.Engine.InstanceIds.For(journeyId, customerId, touchpointId);
}
