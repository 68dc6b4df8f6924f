using Orchestrator.Application.Analytics;
using Orchestrator.Http;
using Orchestrator.Http.Handlers;

namespace Orchestrator.Standalone.Endpoints;

/// <summary>Routes of the journey analytics, to the shared handlers (lambdas, for the reason given on <see cref="CustomerEndpoints"/>).</summary>
public static class AnalyticsEndpoints
{
    /// <summary>Maps <c>GET /api/journeys/{id}/analytics</c> and <c>GET /api/analytics/journeys</c>.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The route builder.</returns>
    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(HttpRoutes.Journeys + "/{id}/analytics", (string id, string? window, DateTimeOffset? from, DateTimeOffset? to, int? version, string? interval, AnalyticsQueries queries, CancellationToken cancellationToken) =>
                AnalyticsHandlers.GetJourneyAsync(id, window, from, to, version, interval, queries, cancellationToken))
            .WithTags("Analytics")
            .WithSummary("Reads a journey's funnel, totals, split arms, success score and signals over a window");
        app.MapGet(HttpRoutes.AnalyticsRanking, (string? window, DateTimeOffset? from, DateTimeOffset? to, AnalyticsQueries queries, CancellationToken cancellationToken) =>
                AnalyticsHandlers.RankAsync(window, from, to, queries, cancellationToken))
            .WithTags("Analytics")
            .WithSummary("Ranks every deployed journey by opportunity (volume × distance below its target score), flagging under-performers");
        return app;
    }
}
