namespace Orchestrator.Standalone.Security;

/// <summary>
/// Which key each path needs, by path prefix rather than by endpoint, so routes added to a group later are
/// covered without their authors doing anything.
/// </summary>
/// <remarks>
/// Closed by default: a path under no listed prefix needs the management key too, so a new route is never
/// open by accident; only <see cref="OpenPaths"/> and the console's static files under <see cref="OpenPrefixes"/> are
/// open (the page holds no data: it asks for the management key and sends it with every API call it makes).
/// </remarks>
public static class ApiKeyRoutes
{
    /// <summary>Paths answered without a key.</summary>
    public static readonly IReadOnlyList<PathString> OpenPaths = ["/healthz", "/openapi/v1.json"];

    /// <summary>Prefixes answered without a key: the console's page and assets.</summary>
    public static readonly IReadOnlyList<PathString> OpenPrefixes = ["/console"];

    /// <summary>Prefixes that need the ingestion key.</summary>
    public static readonly IReadOnlyList<PathString> IngestionPrefixes = ["/api/touchpoints"];

    /// <summary>Prefixes that need the management key (listed for readers; every other path needs it as well).</summary>
    public static readonly IReadOnlyList<PathString> ManagementPrefixes =
        ["/api/journeys", "/api/analytics", "/api/customers", "/api/poison", "/runtime/webhooks/durabletask"];

    /// <summary>The key a path needs; prefixes match whole segments, ignoring case, as routing does.</summary>
    /// <param name="path">The request path.</param>
    /// <returns>The scope.</returns>
    public static ApiKeyScope ScopeOf(PathString path)
    {
        if (OpenPaths.Any(open => path.StartsWithSegments(open, out var rest) && (!rest.HasValue || rest == "/"))
            || OpenPrefixes.Any(prefix => path.StartsWithSegments(prefix)))
        {
            return ApiKeyScope.Open;
        }

        return IngestionPrefixes.Any(prefix => path.StartsWithSegments(prefix)) ? ApiKeyScope.Ingestion : ApiKeyScope.Management;
    }
}
