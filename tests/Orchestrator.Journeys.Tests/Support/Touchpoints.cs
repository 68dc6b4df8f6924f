namespace Orchestrator.Journeys.Tests.Support;

/// <summary>Builds touchpoints for one test customer.</summary>
internal static class Touchpoints
{
    public const string CustomerId = "cust-1";

    private static int _sequence;

    /// <summary>A touchpoint; its id is unique unless given.</summary>
    public static Touchpoint Of(string type, DateTimeOffset at, string? data = null, string? id = null, string customerId = CustomerId, string source = "test-app") =>
        new(id ?? $"evt-{Interlocked.Increment(ref _sequence)}", type, source, customerId, at, Json.ParseOrNull(data));

    /// <summary>The bill-payment trigger: an invoice for <paramref name="amount"/>.</summary>
    public static Touchpoint Invoice(DateTimeOffset at, string amount = "42.5", string id = "inv-1") =>
        Of("invoice.issued", at, $$"""{"amount":{{amount}}}""", id);
}
