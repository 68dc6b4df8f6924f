using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

/// <summary>Validate and simulate: dry runs that store and send nothing.</summary>
[Collection(StorageCollection.Name)]
public sealed class DesignerEndpointsTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private const string Script = """
        {
          "customerId": "cust-sim",
          "start": "2026-03-02T08:00:00Z",
          "events": [
            { "at": "PT0S", "type": "invoice.issued", "data": { "invoiceId": "INV-1" } },
            { "at": "P1D", "type": "payment.failed", "data": { "reason": "card-expired" } }
          ],
          "runFor": "P10D",
          "expect": { "outcome": "failure", "actions": ["email/invoice-ready"] }
        }
        """;

    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = (await fixture.StartAsync(azurite)).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Validate_ValidDefinition_Returns200ValidAndDeploysNothing()
    {
        var answer = await PostAsync("/api/journeys/designer-valid/validate", TestJourneys.Read(TestJourneys.Bill, "designer-valid").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Body.GetProperty("valid").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetJsonAsync("/api/journeys/designer-valid")).Status);
    }

    [Fact]
    public async Task Validate_InvalidDefinition_Returns400ListingEveryErrorWithPointer()
    {
        var definition = TestJourneys.Read(TestJourneys.Bill, "designer-invalid");
        definition["start"] = "nowhere";
        definition["steps"]!["notify"]!["channel"] = 42;

        var answer = await PostAsync("/api/journeys/designer-invalid/validate", definition.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(["/start", "/steps/notify/channel"], answer.Body.ErrorPlaces("pointer").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Validate_IdDiffersFromAddress_Returns400PointingAtId()
    {
        var answer = await PostAsync("/api/journeys/designer-here/validate", TestJourneys.Read(TestJourneys.Bill, "designer-there").ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["/id"], answer.Body.ErrorPlaces("pointer"));
    }

    [Fact]
    public async Task Validate_NotJson_Returns415()
    {
        var answer = await PostAsync("/api/journeys/designer-text/validate", "{}", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
    }

    [Fact]
    public async Task Simulate_DefinitionAndScript_Returns200TraceWithMismatchesAndSendsNothing()
    {
        var request = Request(TestJourneys.Read(TestJourneys.Bill, "designer-sim"), JsonNode.Parse(Script)!);

        var answer = await PostAsync("/api/journeys/designer-sim/simulate", request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        var entries = answer.Body.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal("started", entries[0].Text("effect"));
        Assert.Equal("2026-03-02T08:00:00+00:00", entries[0].Text("at"));
        Assert.NotEmpty(entries[0].GetProperty("decisions").EnumerateArray());
        Assert.NotEmpty(entries[0].GetProperty("commands").EnumerateArray());
        Assert.Equal("failure", answer.Body.Text("outcome"));
        Assert.Equal(["email/invoice-ready", "web/payment-link", "contact-center/call-back"], Strings(answer.Body.GetProperty("actions")));
        Assert.Contains("call-back", Strings(answer.Body.GetProperty("steps")));
        var expectations = answer.Body.GetProperty("expectations");
        Assert.False(expectations.GetProperty("met").GetBoolean());
        Assert.StartsWith("actions:", Assert.Single(Strings(expectations.GetProperty("mismatches"))), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetStatusAsync("designer-sim:cust-sim:evt-0")).Status);
    }

    [Fact]
    public async Task Simulate_InvalidDefinitionAndScript_Returns400WithPrefixedPointers()
    {
        var definition = TestJourneys.Read(TestJourneys.Bill, "designer-bad-sim");
        definition["start"] = "nowhere";
        var script = JsonNode.Parse(Script)!;
        script["events"]![1]!["at"] = "yesterday";

        var answer = await PostAsync("/api/journeys/designer-bad-sim/simulate", Request(definition, script).ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal(["/definition/start", "/script/events/1/at"], answer.Body.ErrorPlaces("pointer").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Simulate_MissingScript_Returns400NamingIt()
    {
        var answer = await PostAsync("/api/journeys/designer-no-script/simulate", new JsonObject { ["definition"] = TestJourneys.Read(TestJourneys.Bill, "designer-no-script") }.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("'script'", answer.Body.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAndSimulate_RawInvalidUtf8_Return400PointingAtTheString()
    {
        var definition = TestJourneys.Read(TestJourneys.Bill, "designer-bytes");
        definition["name"] = "Xname";

        using var validateContent = InvalidUtf8.Content(definition.ToJsonString(), "Xname");
        using var validated = await _client.PostAsync(new Uri("/api/journeys/designer-bytes/validate", UriKind.Relative), validateContent);
        using var simulateContent = InvalidUtf8.Content(Request(definition, JsonNode.Parse(Script)!).ToJsonString(), "Xname");
        using var simulated = await _client.PostAsync(new Uri("/api/journeys/designer-bytes/simulate", UriKind.Relative), simulateContent);

        var validation = await Api.ReadAsync(validated);
        var simulation = await Api.ReadAsync(simulated);
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (validation.Status, validation.MediaType));
        Assert.Equal(["/name"], validation.Body.ErrorPlaces("pointer"));
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (simulation.Status, simulation.MediaType));
        Assert.Equal(["/definition/name"], simulation.Body.ErrorPlaces("pointer"));
    }

    private static JsonObject Request(JsonNode definition, JsonNode script) => new() { ["definition"] = definition, ["script"] = script };

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private async Task<Api.Answer> PostAsync(string path, string body, string mediaType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8, mediaType);
        using var response = await _client.PostAsync(new Uri(path, UriKind.Relative), content);
        return await Api.ReadAsync(response);
    }
}
