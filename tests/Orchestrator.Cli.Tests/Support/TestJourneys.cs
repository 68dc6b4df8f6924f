namespace Orchestrator.Cli.Tests.Support;

/// <summary>Small journey definitions and scenario scripts written for these tests.</summary>
public static class TestJourneys
{
    /// <summary>
    /// An invoice journey: email, wait three days for a failure, else an sms reminder; every path
    /// ends in failure so a scenario's outcome depends only on which path it took.
    /// </summary>
    public const string InvoiceReminder = """
        {
          "id": "invoice-reminder",
          "name": "Invoice reminder",
          "entry": { "event": "invoice.issued" },
          "goal": { "event": "payment.completed" },
          "exit": [ { "event": "account.closed" } ],
          "maxDuration": "P30D",
          "start": "send-invoice",
          "steps": {
            "send-invoice": { "type": "send", "channel": "email", "action": "invoice-ready", "data": { "invoiceId": "{{trigger.data.invoiceId}}" }, "next": "wait-pay" },
            "wait-pay": { "type": "waitFor", "events": [ { "event": "payment.failed", "next": "check-reason" } ], "timeout": "P3D", "onTimeout": "remind" },
            "check-reason": { "type": "branch", "cases": [ { "when": { "field": "event.data.reason", "op": "eq", "value": "card-expired" }, "next": "update-card" } ], "default": "gave-up" },
            "update-card": { "type": "send", "channel": "mobile", "action": "update-card", "next": "gave-up" },
            "remind": { "type": "send", "channel": "sms", "action": "payment-reminder", "next": "gave-up" },
            "gave-up": { "type": "end", "outcome": "failure", "reason": "unpaid" }
          }
        }
        """;

    /// <summary>A definition with a bad id, a send without an action and a dangling <c>next</c>.</summary>
    public const string Invalid = """
        {
          "id": "Bad Id",
          "name": "Broken",
          "entry": { "event": "invoice.issued" },
          "start": "one",
          "steps": {
            "one": { "type": "send", "channel": "email", "next": "missing" }
          }
        }
        """;

    /// <summary>The invoice is never paid, so the reminder goes out on day 3 and the journey fails.</summary>
    /// <param name="journey">The script's <c>journey</c> path, or null to leave it out.</param>
    /// <param name="expect">The script's <c>expect</c> object, or null to leave it out.</param>
    public static string NoPaymentScript(string? journey, string? expect)
    {
        var journeyProperty = journey is null ? string.Empty : $"\"journey\": \"{journey}\",";
        var expectProperty = expect is null ? string.Empty : $",\"expect\": {expect}";
        return $$"""
            {
              {{journeyProperty}}
              "customerId": "c-1",
              "start": "2026-01-05T09:00:00Z",
              "events": [ { "at": "PT0S", "type": "invoice.issued", "data": { "invoiceId": "INV-1" } } ],
              "runFor": "P10D"
              {{expectProperty}}
            }
            """;
    }

    public const string MetExpectation =
        """{ "outcome": "failure", "actions": ["email/invoice-ready", "sms/payment-reminder"], "steps": ["send-invoice", "wait-pay", "remind", "gave-up"] }""";

    public const string WrongExpectation = """{ "outcome": "success", "actions": ["email/invoice-ready"] }""";
}
