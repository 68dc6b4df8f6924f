using System.Net;
using Orchestrator.Storage.Diagnostics;

namespace Orchestrator.Storage.Tables.Rest;

/// <summary>
/// Sends Table service requests over one shared <see cref="HttpClient"/>: signs each attempt, counts it in
/// <see cref="StorageRequestCounter"/> as the SDK clients' policy does, and retries what the SDK would retry.
/// </summary>
/// <remarks>
/// The retry mirrors Azure.Core's defaults, which <see cref="AzureStorageAccount"/> keeps for its SDK clients: up to
/// three retries of a 408, 429, 500, 502, 503 or 504, a connection failure or a timed-out attempt, after an
/// exponential delay from 0.8 s with jitter, capped at a minute. A cancelled caller is never retried.
/// </remarks>
internal sealed class TableHttpConnection
{
    private const int MaxRetries = 3;
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(0.8);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(1);

    private static readonly Lazy<HttpClient> Shared = new(CreateClient);

    private readonly HttpClient _http;
    private readonly ITableRequestAuthorizer _authorizer;
    private readonly TimeProvider _time;

    /// <summary>Sends through <paramref name="http"/>, signed by <paramref name="authorizer"/>.</summary>
    /// <param name="http">The shared client; its <see cref="HttpClient.Timeout"/> bounds each attempt.</param>
    /// <param name="authorizer">Signs each attempt.</param>
    /// <param name="time">The clock for retry delays.</param>
    public TableHttpConnection(HttpClient http, ITableRequestAuthorizer authorizer, TimeProvider time)
    {
        _http = http;
        _authorizer = authorizer;
        _time = time;
    }

    /// <summary>The process's one client for the Table REST calls, shared by every account and table.</summary>
    public static HttpClient SharedClient => Shared.Value;

    /// <summary>A client for real storage: pooled connections, renewed every few minutes so DNS changes are seen.</summary>
    /// <returns>The client.</returns>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
    })
    {
        // Azure.Core's network timeout per attempt.
        Timeout = TimeSpan.FromSeconds(100),
    };

    /// <summary>Sends a request, retrying transient failures; the answer's headers have been read.</summary>
    /// <param name="create">Makes the request afresh for each attempt (a request message is sent once).</param>
    /// <param name="kind">What to count it as.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The final answer, successful or not; the caller disposes it.</returns>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, StorageRequestKind kind, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = create();
            request.Headers.TryAddWithoutValidation("x-ms-version", TableAddress.ServiceVersion);
            request.Headers.TryAddWithoutValidation("DataServiceVersion", "3.0");
            await _authorizer.AuthorizeAsync(request, cancellationToken);
            StorageRequestCounter.Add(kind);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (Exception e) when (attempt < MaxRetries && IsTransient(e, cancellationToken))
            {
                await Task.Delay(Delay(attempt), _time, cancellationToken);
                continue;
            }

            if (attempt < MaxRetries && IsTransient(response.StatusCode))
            {
                response.Dispose();
                await Task.Delay(Delay(attempt), _time, cancellationToken);
                continue;
            }

            return response;
        }
    }

    private static bool IsTransient(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;

    // A timeout surfaces as a cancellation the caller did not ask for.
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static TimeSpan Delay(int attempt)
    {
        var exponential = FirstDelay * Math.Pow(2, attempt);
        var jittered = exponential * (0.8 + Random.Shared.NextDouble() * 0.4);
        return jittered < MaxDelay ? jittered : MaxDelay;
    }
}
