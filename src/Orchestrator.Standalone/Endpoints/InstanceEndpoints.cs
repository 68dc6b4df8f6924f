using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Queries;
using Orchestrator.Http;

namespace Orchestrator.Standalone.Endpoints;

/// <summary>
/// Instance status at the Durable Functions extension's address and with its field names and status
/// codes, so ops tooling and scripts work the same against the standalone runtime and Azure.
/// </summary>
/// <remarks>
/// Status codes follow what the extension's code does (<c>HttpApiHandler.HandleGetStatusRequestAsync</c> in
/// Azure/azure-functions-durable-extension), not its HTTP API reference page, which still lists
/// "400: failed or terminated" although the handler never answers 400 for a status:
/// <list type="bullet">
/// <item>Running, Pending, ContinuedAsNew, Suspended: 202, with <c>Location</c> (the request URL) and <c>Retry-After: 5</c>.</item>
/// <item>Completed, Terminated, Canceled: 200.</item>
/// <item>Failed: 200, or 500 when the request says <c>returnInternalServerErrorOnFailure=true</c>.</item>
/// <item>No such instance: 404.</item>
/// </list>
/// </remarks>
public static class InstanceEndpoints
{
    private const string RetryAfterSeconds = "5";

    /// <summary>Maps <c>GET /runtime/webhooks/durabletask/instances/{instanceId}</c>.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The route builder.</returns>
    public static IEndpointRouteBuilder MapInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/runtime/webhooks/durabletask/instances/{instanceId}", GetStatusAsync)
            .WithTags("Instances")
            .WithSummary("Reads an instance's status, as the Durable Functions extension's HTTP API does");
        return app;
    }

    /// <summary>Reads an instance's status.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="context">The HTTP context, for the Location and Retry-After headers.</param>
    /// <param name="queries">The instance queries.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <param name="showHistory">Adds the decision history as <c>historyEvents</c>.</param>
    /// <param name="returnInternalServerErrorOnFailure">Answers 500 rather than 200 for a failed instance.</param>
    /// <returns>200, 202, 500 or 404 as described on the class.</returns>
    public static async Task<Results<Ok<InstanceStatus>, Accepted<InstanceStatus>, JsonHttpResult<InstanceStatus>, ProblemHttpResult>> GetStatusAsync(
        string instanceId,
        HttpContext context,
        InstanceQueries queries,
        CancellationToken cancellationToken,
        bool showHistory = false,
        bool returnInternalServerErrorOnFailure = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queries);
        if (await queries.GetStatusAsync(instanceId, showHistory, cancellationToken) is not { } status)
        {
            return Problems.NotFound($"No instance '{instanceId}' exists.");
        }

        switch (status.RuntimeStatus)
        {
            case InstanceRuntimeStatus.Running or InstanceRuntimeStatus.Pending or InstanceRuntimeStatus.Suspended:
                context.Response.Headers.RetryAfter = RetryAfterSeconds;
                return TypedResults.Accepted(context.Request.GetEncodedUrl(), status);
            case InstanceRuntimeStatus.Failed when returnInternalServerErrorOnFailure:
                return TypedResults.Json(status, statusCode: StatusCodes.Status500InternalServerError);
            default:
                return TypedResults.Ok(status);
        }
    }
}
