using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Orchestrator.Application.Processing;
using Orchestrator.Http.Handlers;

namespace Orchestrator.Functions.Http;

/// <summary>A customer's profile, bound to the handlers the standalone runtime maps.</summary>
/// <param name="processor">The customer processor.</param>
public sealed class CustomerProfileHttpFunctions(CustomerProcessor processor)
{
    /// <summary><c>GET /api/customers/{customerId}</c>: the customer's profile (attributes, consent, facts).</summary>
    /// <param name="req">The request.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200; an empty profile for a customer never seen.</returns>
    [Function("Customers_GetProfile")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{customerId}")] HttpRequest req,
        string customerId,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await CustomerProfileHandlers.GetAsync(customerId, processor, cancellationToken));

    /// <summary><c>PATCH /api/customers/{customerId}/profile</c>: merges a change into the customer's profile.</summary>
    /// <param name="req">The request.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200 with the profile; 400 naming each JSON pointer at fault; 415.</returns>
    [Function("Customers_PatchProfile")]
    public async Task<IActionResult> PatchAsync(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "customers/{customerId}/profile")] HttpRequest req,
        string customerId,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await CustomerProfileHandlers.PatchAsync(customerId, req, processor, cancellationToken));
}
