using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Benchmarks;

/// <summary>The bill-payment journey of the language reference, the benchmarks' workload.</summary>
internal static class BillPayment
{
    public const string Json = """
        {
          "id": "bill-payment", "name": "Bill payment", "category": "service", "priority": 100,
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

    public static JourneyDefinition Load()
    {
        var result = JourneyDefinitionReader.Read(Json);
        return result.IsValid
            ? result.Definition with { Version = 1 }
            : throw new InvalidOperationException(string.Join("; ", result.Errors));
    }
}
