using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Application;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Operations;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Queries;
using Orchestrator.Http;
using Orchestrator.Standalone.Contracts;

namespace Orchestrator.Standalone.Endpoints;

/// <summary>
/// The rest of the Durable Functions extension's instance routes: list, terminate, suspend, resume, raise an
/// event, purge. Same addresses, query parameters, header and status codes, so ops scripts work against both drivers.
/// </summary>
/// <remarks>
/// Status codes follow <c>HttpApiHandler</c> in Azure/azure-functions-durable-extension
/// (<c>HandleTerminateInstanceRequestAsync</c>, <c>HandleSuspendInstanceRequestAsync</c>,
/// <c>HandleResumeInstanceRequestAsync</c>, <c>HandleRaiseEventRequestAsync</c>,
/// <c>HandleDeleteHistoryByIdRequestAsync</c>, <c>HandleGetStatusRequestAsync</c> with a query):
/// <list type="bullet">
/// <item>terminate, suspend, resume, raiseEvent: 202 with no body; 404 unknown; 410 Gone when Completed, Failed or
/// Terminated (the handler's <c>IsCompletedStatus</c>); resume of a running or suspend of a suspended instance is 202, as there.</item>
/// <item>raiseEvent: 400 when the body is not JSON ("Invalid JSON content").</item>
/// <item>purge: 200 with <c>{ "instancesDeleted": 1 }</c>; 404 when nothing was deleted. Here also 409 for a
/// running or suspended instance (terminate it first), so the customer's active-entry counts cannot go stale.</item>
/// <item>list: 200 with an array of statuses; the next page's token in the <c>x-ms-continuation-token</c> response
/// header, sent back in the request header of that name. <c>runtimeStatus</c> is comma-separated; unknown names are
/// skipped, as the extension's parser skips them.</item>
/// </list>
/// </remarks>
public static class OpsEndpoints
{
    /// <summary>The paging header of the Durable HTTP API.</summary>
    public const string ContinuationTokenHeader = "x-ms-continuation-token";

    /// <summary>Page size when the request gives no <c>top</c>.</summary>
    public const int DefaultTop = 100;

    private const string Instances = "/runtime/webhooks/durabletask/instances";

    /// <summary>Maps the list, command and purge routes.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The route builder.</returns>
    public static IEndpointRouteBuilder MapOpsEndpoints(this IEndpointRouteBuilder app)
    {
        var instances = app.MapGroup(Instances).WithTags("Instances");
        instances.MapGet("", ListAsync).WithSummary("Lists instances, a page at a time, as the Durable Functions extension does");
        instances.MapPost("/{instanceId}/terminate", TerminateAsync).WithSummary("Terminates an instance (outcome stopped)");
        instances.MapPost("/{instanceId}/suspend", SuspendAsync).WithSummary("Suspends an instance; its touchpoints are buffered until it resumes");
        instances.MapPost("/{instanceId}/resume", ResumeAsync).WithSummary("Resumes an instance and applies its buffered touchpoints in order");
        instances.MapPost("/{instanceId}/raiseEvent/{eventName}", RaiseEventAsync).WithSummary("Delivers an event (the JSON body is its data) to one instance");
        instances.MapDelete("/{instanceId}", PurgeAsync).WithSummary("Purges an ended instance");
        return app;
    }

    /// <summary>Lists instances.</summary>
    /// <param name="context">The HTTP context, for the continuation token headers.</param>
    /// <param name="queries">The instance queries.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <param name="runtimeStatus">Comma-separated statuses to keep.</param>
    /// <param name="instanceIdPrefix">Only ids starting with this.</param>
    /// <param name="createdTimeFrom">Only instances created at or after this.</param>
    /// <param name="createdTimeTo">Only instances created at or before this.</param>
    /// <param name="top">Directory entries per page (1 to 1,000; 100 when absent).</param>
    /// <returns>200 with the page; 400 for a bad <c>top</c>.</returns>
    public static async Task<Results<Ok<IReadOnlyList<InstanceStatus>>, ProblemHttpResult>> ListAsync(
        HttpContext context,
        InstanceQueries queries,
        CancellationToken cancellationToken,
        string? runtimeStatus = null,
        string? instanceIdPrefix = null,
        DateTimeOffset? createdTimeFrom = null,
        DateTimeOffset? createdTimeTo = null,
        int? top = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queries);
        var pageSize = top ?? DefaultTop;
        if (pageSize is < 1 or > InstanceDirectoryQuery.MaxPageSize)
        {
            return TypedResults.Problem(
                detail: $"top must be between 1 and {InstanceDirectoryQuery.MaxPageSize}, not {pageSize}.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad query");
        }

        var statuses = (runtimeStatus ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<InstanceRuntimeStatus>(s, ignoreCase: true, out var status) ? status : (InstanceRuntimeStatus?)null)
            .OfType<InstanceRuntimeStatus>()
            .ToHashSet();
        var token = context.Request.Headers[ContinuationTokenHeader].ToString();
        var query = new InstanceDirectoryQuery(instanceIdPrefix, createdTimeFrom, createdTimeTo, pageSize, string.IsNullOrEmpty(token) ? null : token);
        var page = await queries.ListAsync(query, statuses, cancellationToken);
        if (page.ContinuationToken is { } next)
        {
            context.Response.Headers[ContinuationTokenHeader] = next;
        }

        return TypedResults.Ok(page.Instances);
    }

    /// <summary>Terminates an instance.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="operations">The instance operations.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <param name="reason">Why, recorded in the timeline.</param>
    /// <returns>202, 404 or 410.</returns>
    public static async Task<Results<Accepted, ProblemHttpResult>> TerminateAsync(
        string instanceId, InstanceOperations operations, CancellationToken cancellationToken, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return Answer(instanceId, await operations.TerminateAsync(instanceId, reason, cancellationToken));
    }

    /// <summary>Suspends an instance.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="operations">The instance operations.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <param name="reason">Why, recorded in the timeline.</param>
    /// <returns>202, 404 or 410.</returns>
    public static async Task<Results<Accepted, ProblemHttpResult>> SuspendAsync(
        string instanceId, InstanceOperations operations, CancellationToken cancellationToken, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return Answer(instanceId, await operations.SuspendAsync(instanceId, reason, cancellationToken));
    }

    /// <summary>Resumes an instance.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="operations">The instance operations.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <param name="reason">Why, recorded in the timeline.</param>
    /// <returns>202, 404 or 410.</returns>
    public static async Task<Results<Accepted, ProblemHttpResult>> ResumeAsync(
        string instanceId, InstanceOperations operations, CancellationToken cancellationToken, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return Answer(instanceId, await operations.ResumeAsync(instanceId, reason, cancellationToken));
    }

    /// <summary>Raises an event on one instance.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="eventName">The event (touchpoint) type.</param>
    /// <param name="request">The request; its JSON body, if any, is the event's data.</param>
    /// <param name="operations">The instance operations.</param>
    /// <param name="options">Size limits.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>202, 400 for a body that is not JSON or too large, 404 or 410.</returns>
    public static async Task<Results<Accepted, ProblemHttpResult>> RaiseEventAsync(
        string instanceId,
        string eventName,
        HttpRequest request,
        InstanceOperations operations,
        ApplicationOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(options);
        if (await BoundedBody.ReadAsync(request, options.MaxTouchpointBytes, cancellationToken) is not { } body)
        {
            return BadRequest($"The event data is larger than {options.MaxTouchpointBytes} bytes, the most accepted.");
        }

        JsonElement? data = null;
        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                data = document.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                return BadRequest($"Invalid JSON content: {exception.Message}");
            }
        }

        return Answer(instanceId, await operations.RaiseEventAsync(instanceId, eventName, data, cancellationToken));
    }

    /// <summary>Purges an ended instance.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="operations">The instance operations.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 with <c>instancesDeleted</c>, 404, or 409 for an instance still running or suspended.</returns>
    public static async Task<Results<Ok<InstancesPurged>, ProblemHttpResult>> PurgeAsync(
        string instanceId, InstanceOperations operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        return await operations.PurgeAsync(instanceId, cancellationToken) switch
        {
            PurgeStatus.Purged => TypedResults.Ok(new InstancesPurged(1)),
            PurgeStatus.Active => TypedResults.Problem(
                detail: $"Instance '{instanceId}' is still running or suspended; terminate it before purging it.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Instance is active"),
            _ => Problems.NotFound($"No instance '{instanceId}' exists."),
        };
    }

    private static Results<Accepted, ProblemHttpResult> Answer(string instanceId, OperationStatus status) => status switch
    {
        OperationStatus.Accepted => TypedResults.Accepted((string?)null),
        OperationStatus.Gone => TypedResults.Problem(
            detail: $"Instance '{instanceId}' already completed, failed or was terminated.",
            statusCode: StatusCodes.Status410Gone,
            title: "Instance ended"),
        _ => Problems.NotFound($"No instance '{instanceId}' exists."),
    };

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad event data");
}
