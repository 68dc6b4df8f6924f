using Orchestrator.Journeys.Simulation;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Simulation;

public class SimulationScriptReaderTests
{
    private const string DocsExample = """
        {
          "journey": "../journeys/bill-payment.json",
          "description": "Card expired, customer updates card and pays on day 1",
          "customerId": "cust-001",
          "start": "2026-03-02T08:00:00Z",
          "events": [
            { "at": "PT0S", "type": "invoice.issued", "source": "billing", "data": { "invoiceId": "INV-2026-0301", "amount": 120.5 } },
            { "at": "P1D", "type": "payment.failed", "source": "web", "id": "pf-1", "data": { "reason": "card-expired" }, "description": "declined" },
            { "at": "P1DT2H", "type": "payment.completed" },
            { "at": "2026-03-03T10:00:00Z", "type": "noise" },
            { "at": "2026-03-03T11:00:00+01:00", "type": "same-instant-as-before" }
          ],
          "runFor": "P90D",
          "expect": {
            "outcome": "success",
            "actions": ["email/invoice-ready", "mobile/update-card"],
            "steps": ["notify", "wait-pay"]
          }
        }
        """;

    [Fact]
    public void Read_DocsExample_ReadsEveryProperty()
    {
        var script = SimulationScriptReader.Read(DocsExample, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(script);
        Assert.Equal(("cust-001", "../journeys/bill-payment.json", "Card expired, customer updates card and pays on day 1"), (script.CustomerId, script.Journey, script.Description));
        Assert.Equal(Clock.At("2026-03-02T08:00:00Z"), script.Start);
        Assert.Equal(TimeSpan.FromDays(90), script.RunFor);
        Assert.Equal(
            [Clock.At("2026-03-02T08:00:00Z"), Clock.At("2026-03-03T08:00:00Z"), Clock.At("2026-03-03T10:00:00Z"), Clock.At("2026-03-03T10:00:00Z"), Clock.At("2026-03-03T10:00:00Z")],
            script.Events.Select(e => e.At));
        Assert.Equal(["invoice.issued", "payment.failed", "payment.completed", "noise", "same-instant-as-before"], script.Events.Select(e => e.Type));
        Assert.Equal((null, "billing"), (script.Events[0].Id, script.Events[0].Source));
        Assert.Equal(("pf-1", "web"), (script.Events[1].Id, script.Events[1].Source));
        Assert.Equal("""{"reason":"card-expired"}""", Json.Compact(script.Events[1].Data!.Value));
        Assert.Null(script.Events[2].Data);
        Assert.Equal("success", script.Expect?.Outcome);
        Assert.Equal(["email/invoice-ready", "mobile/update-card"], script.Expect?.Actions);
        Assert.Equal(["notify", "wait-pay"], script.Expect?.Steps);
    }

    [Fact]
    public void Read_MinimalScript_UsesTheDefaults()
    {
        var script = SimulationScriptReader.Read("""{ "start": "2026-03-02T08:00:00Z", "events": [] }""", out var errors);

        Assert.Empty(errors);
        Assert.Equal(SimulationScript.DefaultRunFor, script?.RunFor);
        Assert.Equal(TimeSpan.FromDays(400), SimulationScript.DefaultRunFor);
        Assert.Empty(script!.Events);
        Assert.Null(script.Expect);
    }

    /// <summary>Columns: the script, the pointer of the one error, a fragment of its message.</summary>
    [Theory]
    [InlineData("""{ "events": [] }""", "", "missing required property 'start'")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z" }""", "", "missing required property 'events'")]
    [InlineData("""{ "start": "yesterday", "events": [] }""", "/start", "ISO 8601 date-time")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": {} }""", "/events", "must be an array")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [ 1 ] }""", "/events/0", "an event is an object")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [ { "at": "PT0S" } ] }""", "/events/0", "missing required property 'type'")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [ { "type": "a" } ] }""", "/events/0", "missing required property 'at'")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [ { "at": "soon", "type": "a" } ] }""", "/events/0/at", "ISO 8601")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [ { "at": "P1M", "type": "a" } ] }""", "/events/0/at", "years and months")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [ { "at": 5, "type": "a" } ] }""", "/events/0/at", "ISO 8601")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [ { "at": "P1D", "type": "a" }, { "at": "PT1H", "type": "b" } ] }""", "/events/1/at", "time order")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [ { "at": "P1D", "type": "a" }, { "at": "2026-03-01T00:00:00Z", "type": "b" } ] }""", "/events/1/at", "time order")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [ { "at": "PT0S", "type": "a", "payload": {} } ] }""", "/events/0/payload", "unknown property 'payload'")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [], "clock": "fast" }""", "/clock", "unknown property 'clock'")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [], "expect": { "outcome": "success", "result": 1 } }""", "/expect/result", "unknown property 'result'")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [], "expect": [] }""", "/expect", "must be an object")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [], "expect": { "actions": "email/x" } }""", "/expect/actions", "array of strings")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [], "expect": { "steps": [1] } }""", "/expect/steps", "array of strings")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [], "expect": { "outcome": 1 } }""", "/expect/outcome", "must be a string")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [], "runFor": "P1Y" }""", "/runFor", "years and months")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [], "runFor": 90 }""", "/runFor", "ISO 8601 duration")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [], "customerId": 7 }""", "/customerId", "must be a string")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [ { "at": "PT0S", "type": 7 } ] }""", "/events/0/type", "must be a string")]
    [InlineData("""{ "start": "2026-03-02T08:00:00Z", "events": [ { "at": "PT0S", "type": "a", "id": 7 } ] }""", "/events/0/id", "must be a string")]
    [InlineData("""[]""", "", "a scenario script is a JSON object")]
    [InlineData("""{ "start": """, "", "")]
    public void Read_OneProblem_ReportsItAtItsPointerAndReturnsNoScript(string json, string pointer, string fragment)
    {
        var script = SimulationScriptReader.Read(json, out var errors);

        Assert.Null(script);
        var error = Assert.Single(errors);
        Assert.Equal(pointer, error.Pointer);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEveryOne()
    {
        const string Json = """
            {
              "events": [
                { "at": "P2D", "type": "a", "extra": true },
                { "type": "b" },
                { "at": "P1D", "type": "c" }
              ],
              "runFor": "P1M",
              "unknown": 1
            }
            """;

        SimulationScriptReader.Read(Json, out var errors);

        Assert.Equal(
            ["/unknown", "", "/events/0/extra", "/events/1", "/events/2/at", "/runFor"],
            errors.Select(e => e.Pointer));
    }
}
