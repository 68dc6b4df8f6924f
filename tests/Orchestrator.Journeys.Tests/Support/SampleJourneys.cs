using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;
using static Orchestrator.Journeys.Tests.Support.JourneyBuilder;

namespace Orchestrator.Journeys.Tests.Support;

/// <summary>Definitions shared by several test areas.</summary>
internal static class SampleJourneys
{
    /// <summary>The bill-payment journey of the product brief, as JSON.</summary>
    public const string BillPaymentJson = """
        { "id": "bill-payment", "name": "Bill payment", "category": "service", "priority": 100,
          "entry": { "event": "invoice.issued", "when": { "field": "event.data.amount", "op": "gt", "value": 0 }, "reentry": "afterExit", "cooldown": "P7D" },
          "goal": { "event": "payment.completed", "within": "P30D" },
          "exit": [ { "event": "account.closed" } ],
          "maxDuration": "P60D", "start": "notify",
          "steps": {
            "notify":   { "type": "send", "channel": "email", "action": "invoice-ready", "data": { "amount": "{{trigger.data.amount}}" }, "next": "wait-pay" },
            "wait-pay": { "type": "waitFor", "events": [ { "event": "payment.completed", "next": "thanks" }, { "event": "payment.failed", "next": "help" } ], "timeout": "P3D", "onTimeout": "remind" },
            "remind":   { "type": "send", "channel": "sms", "action": "payment-reminder", "next": "wait-pay" },
            "help":     { "type": "branch", "cases": [ { "when": { "field": "event.data.reason", "op": "eq", "value": "card-expired" }, "next": "card" } ], "default": "agent" },
            "card":     { "type": "send", "channel": "mobile", "action": "update-card", "next": "wait-pay" },
            "agent":    { "type": "send", "channel": "contact-center", "action": "call-back", "next": "wait-pay" },
            "thanks":   { "type": "end", "outcome": "success" } } }
        """;

    /// <summary>The bill-payment journey, built from the model records (same meaning as <see cref="BillPaymentJson"/>).</summary>
    public static JourneyDefinition BillPayment { get; } = BuildBillPayment();

    private static JourneyDefinition BuildBillPayment() =>
        new JourneyBuilder("bill-payment")
            .Named("Bill payment", "service", 100)
            .EntersOn("invoice.issued", Cond.Field("event.data.amount", ConditionOperator.Gt, "0"), ReentryPolicy.AfterExit, TimeSpan.FromDays(7))
            .Goal("payment.completed", within: TimeSpan.FromDays(30))
            .ExitOn("account.closed")
            .MaxDuration(TimeSpan.FromDays(60))
            .StartAt("notify")
            .Send("notify", "email", "invoice-ready", "wait-pay", data: """{ "amount": "{{trigger.data.amount}}" }""")
            .WaitFor("wait-pay", TimeSpan.FromDays(3), "remind", On("payment.completed", "thanks"), On("payment.failed", "help"))
            .Send("remind", "sms", "payment-reminder", "wait-pay")
            .Branch("help", "agent", Case(Cond.Field("event.data.reason", ConditionOperator.Eq, "\"card-expired\""), "card"))
            .Send("card", "mobile", "update-card", "wait-pay")
            .Send("agent", "contact-center", "call-back", "wait-pay")
            .End("thanks", JourneyOutcome.Success)
            .Build();
}
