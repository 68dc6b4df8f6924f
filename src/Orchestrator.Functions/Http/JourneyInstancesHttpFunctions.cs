using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Queries;
using Orchestrator.Http;
using Orchestrator.Http.Handlers;

namespace Orchestrator.Functions.Http;

/// <summary>A version's running instances by step (who is behind a figure on the console's journey map), bound to the handler the standalone runtime maps.</summary>
/// <param name="definitions">The definition service.</param>
/// <param name="queries">The instance queries.</param>
public sealed class JourneyInstancesHttpFunctions(DefinitionService definitions, InstanceQueries queries)
{
    private static readonly string[] TopError = ["top"];

    /// <summary><c>GET /api/journeys/{id}/versions/{version}/instances?step=&amp;top=</c>: running and suspended instances, optionally at one step.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The journey id.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200; 400 for a bad <c>top</c>; 404.</returns>
    [Function("Journeys_ListInstances")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys/{id}/versions/{version:int}/instances")] HttpRequest req,
        string id,
        int version,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        int? top = null;
        if (req.Query.TryGetValue("top", out var topText))
        {
            if (!int.TryParse(topText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return new HttpResultAction(Problems.Invalid("Bad query", "'top' is not a whole number", TopError));
            }

            top = parsed;
        }

        var step = req.Query.TryGetValue("step", out var stepText) ? stepText.ToString() : null;
        return new HttpResultAction(await JourneyHandlers.ListActiveInstancesAsync(id, version, step, top, definitions, queries, cancellationToken));
    }
}
