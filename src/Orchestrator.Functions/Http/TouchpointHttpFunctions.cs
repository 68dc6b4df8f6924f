using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Orchestrator.Application;
using Orchestrator.Http.Handlers;

namespace Orchestrator.Functions.Http;

/// <summary>
/// The HTTP ingress for touchpoints (CloudEvents), read, checked and answered by the handler the standalone runtime
/// maps; each touchpoint is then forwarded to the Service Bus queue the orchestrations are fed from.
/// </summary>
/// <remarks>
/// Not applied here, as the standalone runtime applies them: in this app journeys run as Durable orchestrations, fed
/// one customer at a time, in order, by the session-enabled <c>TouchpointIngress</c> function.
/// </remarks>
/// <param name="forwarder">Sends touchpoints to the touchpoints queue.</param>
/// <param name="options">Size limits.</param>
/// <param name="loggerFactory">Logging.</param>
public sealed class TouchpointHttpFunctions(ServiceBusTouchpointForwarder forwarder, ApplicationOptions options, ILoggerFactory loggerFactory)
{
    /// <summary><c>POST /api/touchpoints</c>: structured, batch or binary-mode CloudEvents, each forwarded in order.</summary>
    /// <param name="req">The request.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>202 with each touchpoint <c>Queued</c>; 400 naming every bad attribute; 415; 503 when one could not be sent.</returns>
    [Function("Touchpoints_Post")]
    public async Task<IActionResult> PostAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "touchpoints")] HttpRequest req, CancellationToken cancellationToken) =>
        new HttpResultAction(await TouchpointHandlers.PostAsync(req, forwarder.ForwardAsync, options, loggerFactory, cancellationToken));
}
