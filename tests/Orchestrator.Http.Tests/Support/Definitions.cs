using System.Text.Json.Nodes;

namespace Orchestrator.Http.Tests.Support;

/// <summary>Small journey definitions.</summary>
public static class Definitions
{
    /// <summary>Ping → waits for a pong → ends.</summary>
    public static JsonObject Ping(string id) => new()
    {
        ["id"] = id,
        ["name"] = "Ping",
        ["category"] = "test",
        ["entry"] = new JsonObject { ["event"] = "ping.sent" },
        ["start"] = "wait-pong",
        ["steps"] = new JsonObject
        {
            ["wait-pong"] = new JsonObject
            {
                ["type"] = "waitFor",
                ["events"] = new JsonArray(new JsonObject { ["event"] = "pong.sent", ["next"] = "answered" }),
                ["timeout"] = "P1D",
                ["onTimeout"] = "answered",
            },
            ["answered"] = new JsonObject { ["type"] = "end", ["outcome"] = "success" },
        },
    };
}
