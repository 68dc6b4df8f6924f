using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using Orchestrator.Cli.Io;

namespace Orchestrator.Cli.Analytics;

/// <summary>Reads a running host's analytics with the management key from <c>ORCHESTRATOR_KEY</c>.</summary>
internal static class HostClient
{
    public const string KeyVariable = "ORCHESTRATOR_KEY";

    /// <summary>GETs a path; returns the JSON, or the problem to print.</summary>
    public static async Task<(JsonDocument? Document, string? Problem)> GetAsync(Uri host, string pathAndQuery, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        var key = Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            return (null, $"set {KeyVariable} to the host's management key");
        }

        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = host;
        http.Timeout = TimeSpan.FromSeconds(30);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative));
        request.Headers.Add("x-api-key", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"{(int)response.StatusCode} {response.ReasonPhrase}: {Detail(body)}");
            }

            return (JsonDocument.Parse(body), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return (null, $"cannot read {new Uri(host, pathAndQuery)}: {exception.Message}");
        }
    }

    /// <summary>
    /// What both analytics commands do with a host's answer: print it as JSON with <c>--json</c>, else as a table;
    /// a failure goes to stderr, prefixed with the command's name.
    /// </summary>
    /// <returns>The exit code.</returns>
    public static async Task<int> ShowAsync(
        string commandName, Uri host, string pathAndQuery, bool json, Action<TextWriter, JsonElement> table,
        InvocationConfiguration console, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        var (document, problem) = await GetAsync(host, pathAndQuery, handler, cancellationToken);
        if (document is null)
        {
            console.Error.WriteLine($"{commandName}: {problem}");
            return ExitCodes.Failed;
        }

        using (document)
        {
            if (json)
            {
                JsonOutput.Write(console.Output, document.RootElement.WriteTo);
            }
            else
            {
                table(console.Output, document.RootElement);
            }
        }

        return ExitCodes.Success;
    }

    private static string Detail(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body.Length > 300 ? body[..300] : body;
        }
    }
}
