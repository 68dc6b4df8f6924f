using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Application.Tests.Support;

/// <summary>The repository's sample journeys (copied next to the test assembly) and a few small test journeys.</summary>
internal static class SampleJourneys
{
    public const string BillPayment = "bill-payment";
    public const string SupportCase = "support-case";
    public const string CrossSell = "cross-sell";

    /// <summary>
    /// Waits for <c>ping</c> and answers each with a <c>pong</c> action, forever: every ping changes the
    /// instance, so a lost update shows in its step count and in the actions.
    /// </summary>
    public const string PingerJson = """
        { "id": "pinger", "name": "Pinger",
          "entry": { "event": "ping.start", "reentry": "never" },
          "exit": [ { "event": "ping.stop" } ],
          "start": "wait",
          "steps": {
            "wait": { "type": "waitFor", "events": [ { "event": "ping", "next": "pong" } ] },
            "pong": { "type": "send", "channel": "test", "action": "pong", "data": { "n": "{{event.data.n}}" }, "next": "wait" } } }
        """;

    private static readonly string SampleFolder = Path.Combine(AppContext.BaseDirectory, "samples", "journeys");

    /// <summary>A sample's JSON text.</summary>
    public static string SampleJson(string journeyId) => File.ReadAllText(Path.Combine(SampleFolder, journeyId + ".json"));

    /// <summary>A sample, parsed as the given deployed version.</summary>
    public static JourneyDefinition Sample(string journeyId, int version = 1) => Parse(SampleJson(journeyId), version);

    /// <summary>
    /// A journey entered by <c>promo.viewed</c> (when <c>data.eligible</c> is true) with the given re-entry
    /// policy and optional ISO 8601 cooldown; it waits a day for <c>promo.clicked</c>.
    /// </summary>
    public static JourneyDefinition Promo(string reentry, string? cooldown = null) => Parse(
        $$"""
        { "id": "promo", "name": "Promo",
          "entry": { "event": "promo.viewed", "when": { "field": "event.data.eligible", "op": "eq", "value": true },
                     "reentry": "{{reentry}}"{{(cooldown is null ? string.Empty : $", \"cooldown\": \"{cooldown}\"")}} },
          "start": "wait",
          "steps": {
            "wait": { "type": "waitFor", "events": [ { "event": "promo.clicked", "next": "done" } ], "timeout": "P1D", "onTimeout": "done" },
            "done": { "type": "end", "outcome": "neutral" } } }
        """,
        version: 1);

    /// <summary>Parses a definition that must be valid.</summary>
    public static JourneyDefinition Parse(string json, int version)
    {
        var result = JourneyDefinitionReader.Read(json);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Definition with { Version = version };
    }
}
