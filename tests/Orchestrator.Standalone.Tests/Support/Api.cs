using System.Net;
using System.Text.Json;

namespace Orchestrator.Standalone.Tests.Support;

/// <summary>Reads the host's answers.</summary>
public static class Api
{
    /// <summary>An answer: its status code and JSON body.</summary>
    /// <param name="Status">The status code.</param>
    /// <param name="Body">The body; an empty object when there was none.</param>
    /// <param name="MediaType">The body's media type.</param>
    public sealed record Answer(HttpStatusCode Status, JsonElement Body, string? MediaType)
    {
        public override string ToString() => $"{(int)Status} {Body}";
    }

    /// <summary>Sends a GET and reads the answer.</summary>
    /// <param name="client">The client.</param>
    /// <param name="path">The path.</param>
    /// <returns>The answer.</returns>
    public static async Task<Answer> GetJsonAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response);
    }

    /// <summary>Reads an answer.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The answer.</returns>
    public static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return new Answer(response.StatusCode, json.RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Posts touchpoints.</summary>
    /// <param name="client">The client.</param>
    /// <param name="content">The body.</param>
    /// <returns>The answer.</returns>
    public static async Task<Answer> PostTouchpointsAsync(this HttpClient client, HttpContent content)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsync(new Uri("/api/touchpoints", UriKind.Relative), content);
        return await ReadAsync(response);
    }

    /// <summary>Reads an instance's status from the Durable-style route.</summary>
    /// <param name="client">The client.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="query">Query string, such as <c>?showHistory=true</c>.</param>
    /// <returns>The answer.</returns>
    public static Task<Answer> GetStatusAsync(this HttpClient client, string instanceId, string query = "") =>
        client.GetJsonAsync($"/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(instanceId)}{query}");

    /// <summary>The <c>errors[*].attribute</c> (or <c>pointer</c>) values of a problem.</summary>
    /// <param name="problem">The problem body.</param>
    /// <param name="field">The field naming the place at fault.</param>
    /// <returns>The values.</returns>
    public static IReadOnlyList<string> ErrorPlaces(this JsonElement problem, string field = "attribute") =>
        [.. problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty(field).GetString()!)];

    /// <summary>A string property along a path of names.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="path">Property names.</param>
    /// <returns>The string, or null when missing or not a string.</returns>
    public static string? Text(this JsonElement json, params string[] path)
    {
        var current = json;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
    }
}
