using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Conformance.Tests.Harness.Api;

/// <summary>The standalone runtime's HTTP API, as a channel app or an ops tool calls it.</summary>
/// <param name="http">A client whose base address is the host.</param>
public sealed class OrchestratorApi(HttpClient http)
{
    /// <summary>Web defaults (camel case, case-insensitive) with enums as words, as the host writes them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private const int MaxBodyInMessage = 400;

    private static readonly MediaTypeHeaderValue CloudEventsJson = new("application/cloudevents+json") { CharSet = "utf-8" };

    /// <summary>The client, for calls this class does not wrap.</summary>
    public HttpClient Http => http;

    /// <summary><c>PUT /api/journeys/{id}</c>.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="json">The definition.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version deployed.</returns>
    public async Task<int> DeployAsync(string journeyId, string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(new Uri($"api/journeys/{Uri.EscapeDataString(journeyId)}", UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"PUT /api/journeys/{journeyId}: expected 201 Created, got {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("version").GetInt32();
    }

    /// <summary><c>POST /api/touchpoints</c> with one structured-mode CloudEvent.</summary>
    /// <param name="cloudEvent">The event JSON.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer.</returns>
    public async Task<TouchpointPostResult> PostTouchpointAsync(string cloudEvent, CancellationToken cancellationToken)
    {
        using var content = new StringContent(cloudEvent, Encoding.UTF8);
        content.Headers.ContentType = CloudEventsJson;
        using var response = await http.PostAsync(new Uri("api/touchpoints", UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        IReadOnlyList<AcceptedView> accepted = [];
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            using var document = JsonDocument.Parse(body);
            accepted = document.RootElement.GetProperty("accepted").Deserialize<AcceptedView[]>(Json) ?? [];
        }

        return new TouchpointPostResult(response.StatusCode, accepted, body);
    }

    /// <summary><c>GET /runtime/webhooks/durabletask/instances/{id}</c>.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="showHistory">Whether to ask for <c>historyEvents</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, or null on 404.</returns>
    public async Task<InstanceStatusView?> GetStatusAsync(string instanceId, bool showHistory, CancellationToken cancellationToken)
    {
        var path = $"runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(instanceId)}{(showHistory ? "?showHistory=true" : "")}";
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        // Durable's convention: 202 while the instance runs, 200 once it has ended.
        await EnsureOkAsync(response, path, cancellationToken, HttpStatusCode.OK, HttpStatusCode.Accepted);
        return await response.Content.ReadFromJsonAsync<InstanceStatusView>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"GET {path} answered null.");
    }

    /// <summary><c>GET /api/customers/{id}/timeline</c>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Entries, oldest first.</returns>
    public Task<IReadOnlyList<TimelineEntryView>> GetTimelineAsync(string customerId, CancellationToken cancellationToken) =>
        GetListAsync<TimelineEntryView>($"api/customers/{Uri.EscapeDataString(customerId)}/timeline", cancellationToken);

    /// <summary><c>GET /api/customers/{id}/journeys</c>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer's instances.</returns>
    public Task<IReadOnlyList<CustomerJourneyView>> GetJourneysAsync(string customerId, CancellationToken cancellationToken) =>
        GetListAsync<CustomerJourneyView>($"api/customers/{Uri.EscapeDataString(customerId)}/journeys", cancellationToken);

    private async Task<IReadOnlyList<T>> GetListAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        await EnsureOkAsync(response, path, cancellationToken, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<T[]>(Json, cancellationToken) ?? [];
    }

    private static async Task EnsureOkAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken, params HttpStatusCode[] expected)
    {
        if (!expected.Contains(response.StatusCode))
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(
                $"GET {path}: expected {string.Join(" or ", expected.Select(c => (int)c))}, got {(int)response.StatusCode}: {Shorten(body)}");
        }
    }

    private static string Shorten(string body) => body.Length <= MaxBodyInMessage ? body : $"{body[..MaxBodyInMessage]}…";
}
