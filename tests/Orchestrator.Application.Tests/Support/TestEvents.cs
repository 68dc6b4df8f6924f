using Orchestrator.Application.Touchpoints;
using Orchestrator.Journeys;

namespace Orchestrator.Application.Tests.Support;

/// <summary>Touchpoints and CloudEvents the sample journeys react to.</summary>
internal static class TestEvents
{
    /// <summary>A resolved touchpoint.</summary>
    public static Touchpoint Of(string id, string type, string customerId, string? data = null) =>
        new(id, type, "test-app", customerId, TestRuntime.T0, Json.ParseOrNull(data));

    /// <summary>An invoice that enters bill-payment (when the amount is positive).</summary>
    public static Touchpoint Invoice(string id, string customerId, int amount = 120) =>
        Of(id, "invoice.issued", customerId, InvoiceData(id, amount));

    /// <summary>The data of an invoice.</summary>
    public static string InvoiceData(string id, int amount = 120) =>
        $$"""{ "invoiceId": "inv-{{id}}", "amount": {{amount}}, "currency": "EUR", "dueDate": "2025-03-31" }""";

    /// <summary>A structured-mode CloudEvent as channel apps send it.</summary>
    public static string CloudEvent(string id, string type, string subject, string? data = null) =>
        $$"""
        { "specversion": "1.0", "id": "{{id}}", "source": "test-app", "type": "{{type}}", "subject": "{{subject}}",
          "time": "2025-03-03T08:59:00Z"{{(data is null ? string.Empty : $", \"data\": {data}")}} }
        """;

    /// <summary>A CloudEvent read and validated as an ingress would.</summary>
    public static IncomingTouchpoint Incoming(string id, string type, string subject, string? data = null)
    {
        var read = CloudEventReader.ReadStructured(Json.Utf8(CloudEvent(id, type, subject, data)), 64 * 1024);
        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        return Assert.Single(read.Touchpoints);
    }
}
