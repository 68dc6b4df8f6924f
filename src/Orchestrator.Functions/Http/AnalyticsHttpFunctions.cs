using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Orchestrator.Application.Analytics;
using Orchestrator.Http;
using Orchestrator.Http.Handlers;

namespace Orchestrator.Functions.Http;

/// <summary>Journey analytics, bound to the handlers the standalone runtime maps.</summary>
/// <param name="queries">The analytics queries.</param>
public sealed class AnalyticsHttpFunctions(AnalyticsQueries queries)
{
    /// <summary><c>GET /api/journeys/{id}/analytics?window=7d&amp;version=&amp;interval=</c>: a journey's figures.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The journey.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200 with the figures; 400; 404.</returns>
    [Function("Analytics_GetJourney")]
    public async Task<IActionResult> GetJourneyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys/{id}/analytics")] HttpRequest req,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        if (!TryRange(req, out var from, out var to, out var problem)
            || !TryInteger(req, "version", out var version, out problem))
        {
            return new HttpResultAction(problem!);
        }

        return new HttpResultAction(await AnalyticsHandlers.GetJourneyAsync(id, Text(req, "window"), from, to, version, Text(req, "interval"), queries, cancellationToken));
    }

    /// <summary><c>GET /api/analytics/journeys?window=7d</c>: the journeys to fix first.</summary>
    /// <param name="req">The request.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200 with the ranking; 400.</returns>
    [Function("Analytics_Rank")]
    public async Task<IActionResult> RankAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "analytics/journeys")] HttpRequest req,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        if (!TryRange(req, out var from, out var to, out var problem))
        {
            return new HttpResultAction(problem!);
        }

        return new HttpResultAction(await AnalyticsHandlers.RankAsync(Text(req, "window"), from, to, queries, cancellationToken));
    }

    private static string? Text(HttpRequest req, string name) => req.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    private static bool TryRange(HttpRequest req, out DateTimeOffset? from, out DateTimeOffset? to, out IResult? problem)
    {
        to = null;
        return TryInstant(req, "from", out from, out problem) && TryInstant(req, "to", out to, out problem);
    }

    private static bool TryInstant(HttpRequest req, string name, out DateTimeOffset? value, out IResult? problem)
    {
        value = null;
        problem = null;
        if (Text(req, name) is not { } text)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = Problems.Invalid("Invalid analytics query", $"'{name}' is not an ISO 8601 instant", new[] { name });
        return false;
    }

    private static bool TryInteger(HttpRequest req, string name, out int? value, out IResult? problem)
    {
        value = null;
        problem = null;
        if (Text(req, name) is not { } text)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = Problems.Invalid("Invalid analytics query", $"'{name}' is not a whole number", new[] { name });
        return false;
    }
}
