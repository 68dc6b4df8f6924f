using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Application.Poison;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Http;

namespace Orchestrator.Standalone.Endpoints;

/// <summary>Touchpoints kept aside as poison: listed for ops and replayed once the cause is fixed.</summary>
public static class PoisonEndpoints
{
    /// <summary>Entries listed when the request gives no <c>top</c>.</summary>
    public const int DefaultTop = 100;

    /// <summary>Maps the <c>/api/poison</c> group.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The route builder.</returns>
    public static IEndpointRouteBuilder MapPoisonEndpoints(this IEndpointRouteBuilder app)
    {
        var poison = app.MapGroup("/api/poison").WithTags("Poison");
        poison.MapGet("", ListAsync).WithSummary("Lists poison entries, newest first");
        poison.MapPost("/{id}/replay", ReplayAsync).WithSummary("Re-submits a poison entry's touchpoint; deletes the entry when it is applied");
        return app;
    }

    /// <summary>Lists entries, newest first.</summary>
    /// <param name="poison">The poison store.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <param name="top">Most entries (1 to 1,000; 100 when absent).</param>
    /// <returns>200 with the entries; 400 for a bad <c>top</c>.</returns>
    public static async Task<Results<Ok<IReadOnlyList<PoisonEntry>>, ProblemHttpResult>> ListAsync(
        IPoisonStore poison, CancellationToken cancellationToken, int? top = null)
    {
        ArgumentNullException.ThrowIfNull(poison);
        var max = top ?? DefaultTop;
        if (max is < 1 or > 1000)
        {
            return TypedResults.Problem(detail: $"top must be between 1 and 1000, not {max}.", statusCode: StatusCodes.Status400BadRequest, title: "Bad query");
        }

        return TypedResults.Ok(await poison.ListAsync(max, cancellationToken));
    }

    /// <summary>Replays an entry through the touchpoint ingress.</summary>
    /// <param name="id">The entry id.</param>
    /// <param name="ingress">The ingress.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>202 with how the touchpoint was taken; 404 unknown; 422 when it failed again (the entry is kept).</returns>
    public static async Task<Results<Accepted<AcceptResult>, ProblemHttpResult>> ReplayAsync(
        string id, TouchpointIngress ingress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var replay = await ingress.ReplayPoisonAsync(id, cancellationToken);
        return replay.Status switch
        {
            PoisonReplayStatus.Replayed => TypedResults.Accepted((string?)null, replay.Accepted),
            PoisonReplayStatus.Failed => TypedResults.Problem(
                detail: replay.Reason,
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Replay failed; the entry is kept"),
            _ => Problems.NotFound($"No poison entry '{id}' exists."),
        };
    }
}
