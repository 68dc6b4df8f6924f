using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Http;

[Collection(StorageCollection.Name)]
public sealed class RequestLimitTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = (await fixture.StartAsync(azurite)).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Put_ContentLengthOverRequestCap_Returns413ProblemNamingTheLimit()
    {
        using var content = new ByteArrayContent(new byte[(1024 * 1024) + 1]);
        content.Headers.ContentType = new("application/json");

        using var response = await _client.PutAsync(new Uri("/api/journeys/huge", UriKind.Relative), content);
        var answer = await Api.ReadAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Contains("at most 1048576 bytes", answer.Body.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TouchpointsOverLargestBatch_Returns413ProblemNamingTheLimit()
    {
        using var content = new ByteArrayContent(new byte[(64 * 1024 * 100) + 1]);
        content.Headers.ContentType = new(CloudEvents.Batch);

        var answer = await _client.PostTouchpointsAsync(content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Contains("at most 6553600 bytes", answer.Body.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_ChunkedBodyOver256KiB_Returns400NamingTheLimit()
    {
        var definition = TestJourneys.Read(TestJourneys.Bill, "chunked-huge");
        definition["description"] = new string('x', 300 * 1024);
        using var content = new StreamContent(new NoLengthStream(Encoding.UTF8.GetBytes(definition.ToJsonString())));
        content.Headers.ContentType = new("application/json");

        using var response = await _client.PutAsync(new Uri("/api/journeys/chunked-huge", UriKind.Relative), content);
        var answer = await Api.ReadAsync(response);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("256 KiB", answer.Body.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_201Steps_Returns400PointingAtStepsAndNamingTheLimit()
    {
        var definition = TestJourneys.Read(TestJourneys.Bill, "too-many-steps");
        var steps = definition["steps"]!.AsObject();
        for (var i = steps.Count; i < 201; i++)
        {
            steps[$"extra-{i}"] = new JsonObject { ["type"] = "end", ["outcome"] = "neutral" };
        }

        var answer = await PutAsync("too-many-steps", definition);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(answer.Body.GetProperty("errors").EnumerateArray(), e => e.Text("pointer") == "/steps" && e.Text("message")!.Contains("at most 200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Put_ConditionNested17Deep_Returns400NamingTheDepthLimit()
    {
        var definition = TestJourneys.Read(TestJourneys.Bill, "deep-condition");
        JsonNode condition = new JsonObject { ["field"] = "event.data.amount", ["op"] = "gt", ["value"] = 0 };
        for (var i = 0; i < 17; i++)
        {
            condition = new JsonObject { ["not"] = condition };
        }

        definition["entry"]!["when"] = condition;

        var answer = await PutAsync("deep-condition", definition);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("at most 16 levels", answer.Body.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_JsonNested10000Deep_Returns400AtTheDocument()
    {
        using var content = new StringContent(new string('[', 10_000) + new string(']', 10_000), Encoding.UTF8, "application/json");

        using var response = await _client.PutAsync(new Uri("/api/journeys/deep-json", UriKind.Relative), content);
        var answer = await Api.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal([""], answer.Body.ErrorPlaces("pointer"));
        Assert.Contains("depth", answer.Body.Text("detail"), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<Api.Answer> PutAsync(string id, JsonObject definition)
    {
        using var content = new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _client.PutAsync(new Uri($"/api/journeys/{id}", UriKind.Relative), content);
        return await Api.ReadAsync(response);
    }

    /// <summary>A stream that will not tell its length, so the body goes without Content-Length.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
