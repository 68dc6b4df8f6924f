using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Conditions;

/// <summary>The scope every condition test reads: one event, one trigger, some variables.</summary>
internal static class ConditionScope
{
    public const string EventData = """
        {
          "amount": 5, "float": 5.0, "big": 1e3, "negative": -2.5,
          "text": "Hello", "braces": "{{vars.tier}}", "five": "5", "empty": "", "nothing": null,
          "yes": true, "no": false,
          "items": [ { "sku": "A1", "qty": 2 }, { "sku": "B2" } ],
          "tags": [ "vip", "new" ], "numbers": [ 1, 2.0, 3 ], "none": [],
          "obj": { "a": 1, "b": [ 1, 2 ] },
          "paris": "2026-01-01T10:00:00+02:00", "day": "2026-01-01", "notADate": "2026-13-45T99:00:00Z"
        }
        """;

    public static readonly Touchpoint Event = new(
        "evt-9", "payment.failed", "pay-app", "cust-1", new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero), Json.Parse(EventData));

    public static readonly Touchpoint Trigger = new(
        "inv-1", "invoice.issued", "billing", "cust-1", new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), Json.Parse("""{"amount":42}"""));

    public static EvaluationScope Scope { get; } =
        new(Event, Trigger, Json.Parse("""{"tier":"gold","n":3}"""), "cust-1", "bill-payment:cust-1:inv-1", "bill-payment", 3);

    public static bool Evaluate(string path, ConditionOperator op, string? value) =>
        Cond.Field(path, op, value).Evaluate(Scope);
}
