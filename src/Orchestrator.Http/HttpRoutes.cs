namespace Orchestrator.Http;

/// <summary>The addresses the handlers answer with, such as <c>Location</c> headers.</summary>
/// <remarks>
/// Every host serves the routes under <see cref="Prefix"/>: the standalone runtime maps them there, and the Functions
/// app keeps the Functions host's default route prefix (<c>extensions.http.routePrefix</c> = <c>api</c> in host.json).
/// </remarks>
public static class HttpRoutes
{
    /// <summary>The path every route lives under.</summary>
    public const string Prefix = "/api";

    /// <summary>The journeys collection.</summary>
    public const string Journeys = Prefix + "/journeys";

    /// <summary>The ranking of journeys to fix first.</summary>
    public const string AnalyticsRanking = Prefix + "/analytics/journeys";

    /// <summary>The touchpoint ingress.</summary>
    public const string Touchpoints = Prefix + "/touchpoints";

    /// <summary>One customer's routes, with its <c>{customerId}</c> route parameter.</summary>
    public const string Customer = Prefix + "/customers/{customerId}";

    /// <summary>The address of one journey version.</summary>
    /// <param name="id">The journey id.</param>
    /// <param name="version">The version.</param>
    /// <returns>The path, the id escaped.</returns>
    public static string JourneyVersion(string id, int version) => $"{Journeys}/{Uri.EscapeDataString(id)}/versions/{version}";

    /// <summary>The address of one migration of a journey's running instances.</summary>
    /// <param name="id">The journey id.</param>
    /// <param name="migrationId">The migration id.</param>
    /// <returns>The path, both escaped.</returns>
    public static string JourneyMigration(string id, string migrationId) => $"{Journeys}/{Uri.EscapeDataString(id)}/migrations/{Uri.EscapeDataString(migrationId)}";
}
