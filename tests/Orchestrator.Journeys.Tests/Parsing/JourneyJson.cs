using System.Globalization;
using System.Text.Json.Nodes;

namespace Orchestrator.Journeys.Tests.Parsing;

/// <summary>Test documents: the bill-payment journey, and copies of it with one value changed.</summary>
internal static class JourneyJson
{
    public const string BillPayment = """
        {
          "$schema": "../../schemas/journey.schema.json",
          "id": "bill-payment", "name": "Bill payment", "description": "optional", "category": "service", "priority": 100,
          "entry": { "event": "invoice.issued", "when": { "field": "event.data.amount", "op": "gt", "value": 0 }, "reentry": "afterExit", "cooldown": "P7D" },
          "goal": { "event": "payment.completed", "within": "P30D" },
          "exit": [ { "event": "account.closed" } ],
          "suppressWhileActive": [ "support-case" ],
          "maxDuration": "P60D",
          "start": "notify",
          "steps": {
            "notify":   { "type": "send", "channel": "email", "action": "invoice-ready", "data": { "amount": "{{trigger.data.amount}}" }, "next": "wait-pay" },
            "wait-pay": { "type": "waitFor", "events": [ { "event": "payment.completed", "next": "thanks" }, { "event": "payment.failed", "next": "help" } ], "timeout": "P3D", "onTimeout": "remind" },
            "remind":   { "type": "send", "channel": "sms", "action": "payment-reminder", "next": "wait-pay" },
            "help":     { "type": "branch", "cases": [ { "when": { "field": "event.data.reason", "op": "eq", "value": "card-expired" }, "next": "card" } ], "default": "agent" },
            "card":     { "type": "send", "channel": "mobile", "action": "update-card", "next": "wait-pay" },
            "agent":    { "type": "send", "channel": "contact-center", "action": "call-back", "next": "wait-pay" },
            "thanks":   { "type": "end", "outcome": "success" }
          }
        }
        """;

    /// <summary>The bill-payment journey with the value at <paramref name="pointer"/> set to <paramref name="json"/>.</summary>
    public static string With(string pointer, string json) => Edit((pointer, json));

    /// <summary>The bill-payment journey with the value at <paramref name="pointer"/> removed.</summary>
    public static string Without(string pointer) => Edit((pointer, null));

    /// <summary>The bill-payment journey with several values set (or removed, when null), in order.</summary>
    public static string Edit(params (string Pointer, string? Json)[] edits)
    {
        var root = JsonNode.Parse(BillPayment)!;
        foreach (var (pointer, json) in edits)
        {
            var tokens = pointer.Split('/')[1..].Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
            var parent = tokens[..^1].Aggregate(root, (node, token) => node is JsonArray array ? array[Index(token)]! : node[token]!);
            var last = tokens[^1];
            var value = json is null ? null : JsonNode.Parse(json);
            switch (parent)
            {
                case JsonArray array when json is null:
                    array.RemoveAt(Index(last));
                    break;
                case JsonArray array:
                    array[Index(last)] = value;
                    break;
                case JsonObject obj when json is null:
                    Assert.True(obj.Remove(last), $"the test document has nothing at {pointer} to remove");
                    break;
                case JsonObject obj:
                    obj[last] = value;
                    break;
            }
        }

        return root.ToJsonString();
    }

    /// <summary>A journey of <paramref name="count"/> steps: sends in a chain ending with an end step.</summary>
    public static string Chain(int count)
    {
        var steps = new JsonObject();
        for (var i = 0; i < count - 1; i++)
        {
            steps[$"s{i}"] = new JsonObject { ["type"] = "send", ["channel"] = "email", ["action"] = "a", ["next"] = $"s{i + 1}" };
        }

        steps[$"s{count - 1}"] = new JsonObject { ["type"] = "end", ["outcome"] = "neutral" };
        var root = JsonNode.Parse(BillPayment)!.AsObject();
        root["start"] = "s0";
        root["steps"] = steps;
        return root.ToJsonString();
    }

    /// <summary>A condition <paramref name="depth"/> levels deep: <c>not</c> around <c>not</c> … around a comparison.</summary>
    public static string NestedCondition(int depth)
    {
        var condition = """{ "field": "event.type", "op": "exists" }""";
        for (var i = 1; i < depth; i++)
        {
            condition = $$"""{ "not": {{condition}} }""";
        }

        return condition;
    }

    private static int Index(string token) => int.Parse(token, CultureInfo.InvariantCulture);
}
