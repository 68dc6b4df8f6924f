namespace Orchestrator.Testing;

/// <summary>
/// The API keys every test host is configured with, and a handler that sends the right one on each request,
/// so fixtures configure and send keys in one place and tests never mention them.
/// </summary>
public static class TestApiKeys
{
    /// <summary>The management key (designer, customers, ops, poison routes).</summary>
    public const string Management = "test-management-key-0123456789";

    /// <summary>The ingestion key (<c>POST /api/touchpoints</c>).</summary>
    public const string Ingestion = "test-ingestion-key-0123456789";

    /// <summary>The header keys are sent in.</summary>
    public const string Header = "x-api-key";

    /// <summary>The configuration that gives a host these keys, by key.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Orchestrator:Security:ManagementKey"] = Management,
        ["Orchestrator:Security:IngestionKey"] = Ingestion,
    };

    /// <summary>The same configuration as environment variables, for a host process.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentVariables { get; } =
        Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value, StringComparer.Ordinal);

    /// <summary>The key a path needs: ingestion for touchpoints, management for everything else.</summary>
    /// <param name="path">The request path.</param>
    /// <returns>The key.</returns>
    public static string For(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.StartsWith("/api/touchpoints", StringComparison.OrdinalIgnoreCase) ? Ingestion : Management;
    }

    /// <summary>A handler that adds the key for each request's path, unless the request carries a key of its own.</summary>
    /// <param name="inner">The handler that sends the request; none when a client factory completes the pipeline itself.</param>
    /// <returns>The handler.</returns>
    public static DelegatingHandler Handler(HttpMessageHandler? inner = null)
    {
        var handler = new KeyHandler();
        if (inner is not null)
        {
            handler.InnerHandler = inner;
        }

        return handler;
    }

    private sealed class KeyHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (!request.Headers.Contains(Header) && request.RequestUri is { } uri)
            {
                request.Headers.Add(Header, For(uri.IsAbsoluteUri ? uri.AbsolutePath : "/" + uri.OriginalString.TrimStart('/')));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
