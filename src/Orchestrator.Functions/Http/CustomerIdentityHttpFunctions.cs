using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Orchestrator.Application.Identity;
using Orchestrator.Http.Handlers;

namespace Orchestrator.Functions.Http;

/// <summary>What a customer id or alias stands for, bound to the handler the standalone runtime maps.</summary>
/// <param name="identities">The identity resolver.</param>
public sealed class CustomerIdentityHttpFunctions(IdentityResolver identities)
{
    /// <summary><c>GET /api/customers/{customerId}/identity</c>: the customer an id or alias (such as <c>email:ann@example.com</c>) resolves to.</summary>
    /// <param name="req">The request.</param>
    /// <param name="customerId">A customer id or an alias.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200.</returns>
    [Function("Customers_GetIdentity")]
    public async Task<IActionResult> GetIdentityAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{customerId}/identity")] HttpRequest req,
        string customerId,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await CustomerHandlers.GetIdentityAsync(customerId, identities, cancellationToken));
}
