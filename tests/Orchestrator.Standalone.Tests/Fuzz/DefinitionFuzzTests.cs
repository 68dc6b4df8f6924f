using System.Net;
using System.Text;
using System.Text.Json;
using FsCheck.Fluent;
using Orchestrator.Journeys.Tests.Parsing;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;
using Xunit.Abstractions;

namespace Orchestrator.Standalone.Tests.Fuzz;

/// <summary>
/// Random mutations of the sample journeys and random step graphs PUT through the real host: never a 5xx; each is
/// deployed (201) or refused with a problem listing every error with its pointer.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class DefinitionFuzzTests(AzuriteFixture azurite, HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private static readonly string[] Samples =
        [.. Directory.EnumerateFiles(Path.Combine(Repository.Root, "samples", "journeys"), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = (await fixture.StartAsync(azurite)).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Put_RandomMutationsOfSamples_NeverAnswer5xx() =>
        await PutAllAsync(DefinitionMutations.Mutated(Samples).Sample(200, FuzzSeed.For(2), 30), "mutated");

    [Fact]
    public async Task Put_RandomStepGraphs_NeverAnswer5xx() =>
        await PutAllAsync(DefinitionMutations.StepGraphs(Samples[0]).Sample(100, FuzzSeed.For(3), 30), "graph");

    private async Task PutAllAsync(IEnumerable<string> documents, string kind)
    {
        Assert.NotEmpty(Samples);
        var statuses = new Dictionary<int, int>();
        foreach (var json in documents)
        {
            // The address's id is the document's own when it has a usable one, so most documents get past that check.
            var id = IdOf(json) ?? $"fuzz-{kind}";
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await _client.PutAsync(new Uri($"/api/journeys/{Uri.EscapeDataString(id)}", UriKind.Relative), content);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var context = $"seed {FuzzSeed.Value}: PUT /api/journeys/{id} answered {status}: {body}\nfor: {json}";

            // 200: the document is the active version's again (a small random graph can repeat), which is kept.
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.BadRequest, context);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", context);
                using var problem = JsonDocument.Parse(body);
                var errors = problem.RootElement.GetProperty("errors");
                Assert.True(errors.GetArrayLength() > 0, context);
                Assert.All(errors.EnumerateArray(), e => Assert.True(e.GetProperty("pointer").ValueKind == JsonValueKind.String, context));
            }
        }

        output.WriteLine($"seed {FuzzSeed.Value}: {statuses.Values.Sum()} {kind} documents; answers {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(statuses.ContainsKey(400), $"seed {FuzzSeed.Value}: no {kind} document was refused; answers {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
    }

    private static string? IdOf(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("id", out var id)
            && id.ValueKind == JsonValueKind.String
            && id.GetString() is { Length: > 0 and < 100 } text
            && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
                ? text
                : null;
    }
}
