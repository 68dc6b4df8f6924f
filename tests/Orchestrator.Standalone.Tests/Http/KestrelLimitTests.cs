using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Http;

/// <summary>Limits only the real server enforces, so the host serves over sockets with Kestrel here.</summary>
[Collection(StorageCollection.Name)]
public sealed class KestrelLimitTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    // One host serves the whole class (its fixture starts it once), so the log it writes to is the class's too.
    private static readonly CapturingLoggerProvider Log = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync() =>
        _client = (await fixture.StartAsync(azurite, new RuntimeHostOptions
        {
            Kestrel = true,
            Services = services => services.AddSingleton<ILoggerProvider>(Log),
        })).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Post_ChunkedBatchOfSevenMegabytes_Returns413ProblemNamingTheLimitAndLogsNoError()
    {
        // 7 MB of well-formed touchpoints, sent chunked: no Content-Length to refuse up front, so the server cuts it off.
        var batch = new JsonArray([.. Enumerable.Range(0, 120).Select(i =>
            (JsonNode)CloudEvents.Event($"big-{i}", "invoice.issued", $"cust-big-{i}", new JsonObject { ["padding"] = new string('x', 60_000) }))]);
        var bytes = Encoding.UTF8.GetBytes(batch.ToJsonString());
        using var content = new StreamContent(new NoLengthStream(bytes));
        content.Headers.ContentType = new(CloudEvents.Batch);

        var answer = await _client.PostTouchpointsAsync(content);

        Assert.True(bytes.Length > 7_000_000, $"the batch is {bytes.Length} bytes");
        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Contains("at most 6553600 bytes", answer.Body.Text("detail"), StringComparison.Ordinal);
        Assert.DoesNotContain(Log.Entries, e => e.Level >= LogLevel.Error || e.Exception is not null);
    }

    [Fact]
    public async Task Put_IdWithEncodedNul_Returns400AndStoresNothing()
    {
        // Kestrel refuses a path that decodes to a NUL before the host runs (see docs/security.md), so no problem document.
        using var content = new StringContent(TestJourneys.Read(TestJourneys.Bill, "nul-id").ToJsonString(), Encoding.UTF8, "application/json");

        using var response = await _client.PutAsync(new Uri("/api/journeys/nul%00-id", UriKind.Relative), content);
        var listed = await _client.GetJsonAsync("/api/journeys");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(listed.Body.EnumerateArray(), j => j.Text("id")!.Contains("nul", StringComparison.Ordinal));
    }

    /// <summary>A stream that will not tell its length, so the body goes chunked.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
