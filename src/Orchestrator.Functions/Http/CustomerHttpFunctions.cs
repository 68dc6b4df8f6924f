using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Orchestrator.Application.Queries;
using Orchestrator.Http.Handlers;

namespace Orchestrator.Functions.Http;

/// <summary>A customer's journeys and timeline, bound to the handlers the standalone runtime maps.</summary>
/// <param name="queries">The instance queries.</param>
public sealed class CustomerHttpFunctions(InstanceQueries queries)
{
    /// <summary><c>GET /api/customers/{customerId}/journeys</c>: the customer's journey instances, oldest first.</summary>
    /// <param name="req">The request.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200; empty for an unknown customer.</returns>
    [Function("Customers_ListJourneys")]
    public async Task<IActionResult> ListJourneysAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{customerId}/journeys")] HttpRequest req,
        string customerId,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await CustomerHandlers.ListJourneysAsync(customerId, queries, cancellationToken));

    /// <summary><c>GET /api/customers/{customerId}/timeline</c>: touchpoints, decisions and actions, oldest first.</summary>
    /// <param name="req">The request.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200; empty for an unknown customer.</returns>
    [Function("Customers_GetTimeline")]
    public async Task<IActionResult> GetTimelineAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{customerId}/timeline")] HttpRequest req,
        string customerId,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await CustomerHandlers.GetTimelineAsync(customerId, queries, cancellationToken));
}
