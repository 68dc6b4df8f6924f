using System.Text.Json.Nodes;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Tests.Support;

namespace Orchestrator.Application.Tests.Definitions;

public sealed class DefinitionServiceSimulateTests
{
    private const string Script = """
        {
          "customerId": "cust-001",
          "start": "2026-03-02T08:00:00Z",
          "events": [
            { "at": "PT0S", "type": "invoice.issued", "data": { "invoiceId": "INV-1", "amount": 120.5, "currency": "EUR", "dueDate": "2026-03-16" } },
            { "at": "P1D", "type": "payment.completed", "data": { "invoiceId": "INV-1", "amount": 120.5 } }
          ],
          "runFor": "P90D",
          "expect": { "outcome": "success" }
        }
        """;

    [Fact]
    public void Simulate_ValidDefinitionAndScript_ReturnsTraceWithExpectationsMet()
    {
        var result = DefinitionService.Simulate(SampleJourneys.BillPayment, Request(SampleJourneys.SampleJson(SampleJourneys.BillPayment), Script));

        Assert.Empty(result.Errors);
        Assert.NotNull(result.Trace);
        Assert.Equal("success", result.Trace.Outcome);
        Assert.Equal("started", result.Trace.Entries[0].Effect);
        Assert.Contains("email/invoice-ready", result.Trace.Actions);
        Assert.Equal([], result.Mismatches);
    }

    [Fact]
    public void Simulate_ExpectationNotMet_ReportsTheMismatch()
    {
        var script = Script.Replace("\"outcome\": \"success\"", "\"outcome\": \"failure\"", StringComparison.Ordinal);

        var result = DefinitionService.Simulate(SampleJourneys.BillPayment, Request(SampleJourneys.SampleJson(SampleJourneys.BillPayment), script));

        Assert.Equal("outcome: expected failure, got success", Assert.Single(result.Mismatches!));
    }

    [Fact]
    public void Simulate_InvalidDefinitionAndScript_ErrorsPointIntoTheRequest()
    {
        var definition = JsonNode.Parse(SampleJourneys.SampleJson(SampleJourneys.BillPayment))!;
        definition["start"] = "nowhere";
        var script = Script.Replace("\"runFor\": \"P90D\"", "\"runFor\": \"soon\"", StringComparison.Ordinal);

        var result = DefinitionService.Simulate(SampleJourneys.BillPayment, Request(definition.ToJsonString(), script));

        Assert.Null(result.Trace);
        Assert.Equal(["/definition/start", "/script/runFor"], result.Errors.Select(e => e.Pointer).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{ "definition": {} }""", "", "missing required property 'script'")]
    [InlineData("""{ "definition": {}, "script": [], "extra": 1 }""", "/extra", "unknown property 'extra'")]
    [InlineData("""{ "definition": {}, "script": [] }""", "/script", "must be an object")]
    [InlineData("""[]""", "", "a simulation request is an object with 'definition' and 'script'")]
    public void Simulate_MalformedRequest_ErrorNamesThePart(string request, string pointer, string message)
    {
        var result = DefinitionService.Simulate(SampleJourneys.BillPayment, request);

        Assert.Contains(result.Errors, e => e.Pointer == pointer && e.Message == message);
    }

    private static string Request(string definition, string script) => $$"""{ "definition": {{definition}}, "script": {{script}} }""";
}
