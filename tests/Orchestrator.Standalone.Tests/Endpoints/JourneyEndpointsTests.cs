using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

[Collection(StorageCollection.Name)]
public sealed class JourneyEndpointsTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = (await fixture.StartAsync(azurite)).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Put_ValidDefinition_Returns201WithVersionAndLocation()
    {
        using var response = await PutAsync("deploy-created", TestJourneys.Read(TestJourneys.Bill, "deploy-created"));
        var answer = await Api.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("deploy-created", answer.Body.Text("id"));
        Assert.Equal(1, answer.Body.GetProperty("version").GetInt32());
        Assert.Equal("/api/journeys/deploy-created/versions/1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_DeployedJourney_ReturnsActiveVersionWithDefinition()
    {
        var definition = TestJourneys.Read(TestJourneys.Bill, "deploy-read");
        using var deployed = await PutAsync("deploy-read", definition);

        var answer = await _client.GetJsonAsync("/api/journeys/deploy-read");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("deploy-read", answer.Body.Text("id"));
        Assert.Equal(1, answer.Body.GetProperty("version").GetInt32());
        Assert.True(answer.Body.TryGetProperty("deployedAt", out _));
        Assert.True(JsonNode.DeepEquals(definition, JsonNode.Parse(answer.Body.GetProperty("definition").GetRawText())));
    }

    [Fact]
    public async Task Put_Redeploy_IncrementsVersionAndKeepsEarlierOne()
    {
        var definition = TestJourneys.Read(TestJourneys.Bill, "deploy-twice");
        using var first = await PutAsync("deploy-twice", definition);
        definition["name"] = "Test bill, second edition";

        using var second = await PutAsync("deploy-twice", definition);
        var active = await _client.GetJsonAsync("/api/journeys/deploy-twice");
        var earlier = await _client.GetJsonAsync("/api/journeys/deploy-twice/versions/1");

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("/api/journeys/deploy-twice/versions/2", second.Headers.Location?.OriginalString);
        Assert.Equal(2, active.Body.GetProperty("version").GetInt32());
        Assert.Equal("Test bill, second edition", active.Body.Text("definition", "name"));
        Assert.Equal(1, earlier.Body.GetProperty("version").GetInt32());
        Assert.Equal("Test bill", earlier.Body.Text("definition", "name"));
    }

    [Fact]
    public async Task Put_SameContentAsActiveVersion_Returns200WithThatVersionAndStoresNoOther()
    {
        var definition = TestJourneys.Read(TestJourneys.Bill, "deploy-same");
        using var first = await PutAsync("deploy-same", definition);
        var relaid = new JsonObject(definition.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

        using var again = await PutAsync("deploy-same", relaid, indented: true);
        var answer = await Api.ReadAsync(again);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(("deploy-same", 1), (answer.Body.Text("id"), answer.Body.GetProperty("version").GetInt32()));
        Assert.Null(again.Headers.Location);
        Assert.Equal(1, (await _client.GetJsonAsync("/api/journeys/deploy-same")).Body.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetJsonAsync("/api/journeys/deploy-same/versions/2")).Status);
    }

    [Theory]
    [InlineData("name", "/name")]
    [InlineData("entry-event", "/entry/event")]
    public async Task Put_RawInvalidUtf8_Returns400PointingAtTheStringAndStoresNothing(string place, string pointer)
    {
        var id = $"deploy-bytes-{place}";
        var definition = TestJourneys.Read(TestJourneys.Bill, id);
        definition["name"] = "Xname";
        definition["entry"]!["event"] = "Xinvoice.issued";
        using var content = InvalidUtf8.Content(definition.ToJsonString(), place == "name" ? "Xname" : "Xinvoice");

        using var response = await _client.PutAsync(new Uri($"/api/journeys/{id}", UriKind.Relative), content);
        var answer = await Api.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal([pointer], answer.Body.ErrorPlaces("pointer"));
        Assert.Contains("not valid UTF-8", answer.Body.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetJsonAsync($"/api/journeys/{id}")).Status);
    }

    [Fact]
    public async Task Put_InvalidDefinition_Returns400ListingEveryErrorWithPointer()
    {
        var definition = TestJourneys.Read(TestJourneys.Bill, "deploy-invalid");
        definition["name"] = "";
        definition["start"] = "nowhere";
        definition["steps"]!["notify"]!["channel"] = 42;

        using var response = await PutAsync("deploy-invalid", definition);
        var answer = await Api.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, answer.Body.GetProperty("status").GetInt32());
        Assert.NotNull(answer.Body.Text("type"));
        Assert.NotNull(answer.Body.Text("title"));
        Assert.NotNull(answer.Body.Text("detail"));
        var pointers = answer.Body.ErrorPlaces("pointer");
        Assert.Contains("/name", pointers);
        Assert.Contains("/start", pointers);
        Assert.Contains("/steps/notify/channel", pointers);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetJsonAsync("/api/journeys/deploy-invalid")).Status);
    }

    [Fact]
    public async Task Put_IdDiffersFromAddress_Returns400PointingAtId()
    {
        using var response = await PutAsync("deploy-elsewhere", TestJourneys.Read(TestJourneys.Bill, "deploy-other"));
        var answer = await Api.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["/id"], answer.Body.ErrorPlaces("pointer"));
    }

    [Fact]
    public async Task Put_BodyOver256KiB_Returns400NamingTheLimit()
    {
        var definition = TestJourneys.Read(TestJourneys.Bill, "deploy-huge");
        definition["description"] = new string('x', 256 * 1024);

        using var response = await PutAsync("deploy-huge", definition);
        var answer = await Api.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("256 KiB", answer.Body.Text("detail"), StringComparison.Ordinal);
        Assert.Equal([""], answer.Body.ErrorPlaces("pointer"));
    }

    [Fact]
    public async Task Put_NotJsonContentType_Returns415Problem()
    {
        using var content = new StringContent(TestJourneys.Read(TestJourneys.Bill).ToJsonString(), Encoding.UTF8, "text/plain");
        using var response = await _client.PutAsync(new Uri("/api/journeys/test-bill", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_DeployedJourneys_ReturnsIdVersionNameCategoryAndDeployedAt()
    {
        using var deployed = await PutAsync("deploy-listed", TestJourneys.Read(TestJourneys.Bill, "deploy-listed"));

        var answer = await _client.GetJsonAsync("/api/journeys");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var listed = Assert.Single(answer.Body.EnumerateArray(), j => j.Text("id") == "deploy-listed");
        Assert.Equal(1, listed.GetProperty("version").GetInt32());
        Assert.Equal("Test bill", listed.Text("name"));
        Assert.Equal("service", listed.Text("category"));
        Assert.Equal(RuntimeHost.ClockStart, listed.GetProperty("deployedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Get_UnknownJourney_Returns404Problem()
    {
        using var response = await _client.GetAsync(new Uri("/api/journeys/never-deployed", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetVersion_UnknownVersion_Returns404()
    {
        using var deployed = await PutAsync("deploy-one-version", TestJourneys.Read(TestJourneys.Bill, "deploy-one-version"));

        var answer = await _client.GetJsonAsync("/api/journeys/deploy-one-version/versions/2");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    private async Task<HttpResponseMessage> PutAsync(string id, JsonObject definition, bool indented = false)
    {
        using var content = new StringContent(definition.ToJsonString(new() { WriteIndented = indented }), Encoding.UTF8, "application/json");
        return await _client.PutAsync(new Uri($"/api/journeys/{id}", UriKind.Relative), content);
    }
}
