using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Orchestrator.Cli.Migrations;

/// <summary>The host's migration routes, with the management key in <c>x-api-key</c>.</summary>
internal sealed class MigrationClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _key;

    public MigrationClient(Uri host, string key, HttpMessageHandler? handler)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = host;
        _http.Timeout = TimeSpan.FromSeconds(100);
        _key = key;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>POSTs a migration request; a dry run unless <paramref name="dryRun"/> is false.</summary>
    public Task<HostAnswer> StartAsync(string journeyId, int from, int to, IReadOnlyDictionary<string, string> steps, string? endUnmapped, bool dryRun, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("from", from);
            writer.WriteNumber("to", to);
            writer.WriteStartObject("steps");
            foreach (var (oldStep, newStep) in steps)
            {
                writer.WriteString(oldStep, newStep);
            }

            writer.WriteEndObject();
            if (endUnmapped is not null)
            {
                writer.WriteStartObject("unmapped");
                writer.WriteString("end", endUnmapped);
                writer.WriteEndObject();
            }

            writer.WriteBoolean("dryRun", dryRun);
            writer.WriteEndObject();
        }

        var content = new StringContent(Encoding.UTF8.GetString(buffer.ToArray()), Encoding.UTF8, "application/json");
        return SendAsync(HttpMethod.Post, $"api/journeys/{Uri.EscapeDataString(journeyId)}/migrations", content, cancellationToken);
    }

    /// <summary>GETs a migration's progress.</summary>
    public Task<HostAnswer> GetAsync(string journeyId, string migrationId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/journeys/{Uri.EscapeDataString(journeyId)}/migrations/{Uri.EscapeDataString(migrationId)}", null, cancellationToken);

    private async Task<HostAnswer> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add("x-api-key", _key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            return new HostAnswer((int)response.StatusCode, document.RootElement.Clone(), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new HostAnswer(0, default, $"cannot reach {new Uri(_http.BaseAddress!, path)}: {exception.Message}");
        }
    }
}
