using Orchestrator.Application.Identity;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Queries;
using Orchestrator.Http;
using Orchestrator.Http.Handlers;

namespace Orchestrator.Standalone.Endpoints;

/// <summary>Routes of a customer's journeys and timeline, to the shared handlers.</summary>
/// <remarks>
/// The handlers are wrapped in lambdas rather than passed as method groups: the ASP.NET Core route handler analyzer throws
/// (AD0001, an error here) on method groups from another assembly (dotnet/aspnetcore#68976), and the lambdas keep it checking.
/// </remarks>
public static class CustomerEndpoints
{
    /// <summary>Maps the <c>/api/customers/{customerId}</c> group.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The route builder.</returns>
    public static IEndpointRouteBuilder MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var customer = app.MapGroup(HttpRoutes.Customer).WithTags("Customers");
        customer.MapGet("", (string customerId, CustomerProcessor processor, CancellationToken cancellationToken) =>
                CustomerProfileHandlers.GetAsync(customerId, processor, cancellationToken))
            .WithSummary("Reads the customer's profile: attributes, consent per channel and the facts the runtime keeps");
        customer.MapPatch("/profile", (string customerId, HttpRequest request, CustomerProcessor processor, CancellationToken cancellationToken) =>
                CustomerProfileHandlers.PatchAsync(customerId, request, processor, cancellationToken))
            .WithSummary("Merges a change into the customer's profile (attributes and consent; null removes)");
        customer.MapGet("/journeys", (string customerId, InstanceQueries queries, CancellationToken cancellationToken) =>
                CustomerHandlers.ListJourneysAsync(customerId, queries, cancellationToken))
            .WithSummary("Lists the customer's journey instances, oldest first");
        customer.MapGet("/timeline", (string customerId, InstanceQueries queries, CancellationToken cancellationToken) =>
                CustomerHandlers.GetTimelineAsync(customerId, queries, cancellationToken))
            .WithSummary("Reads the customer's timeline: touchpoints, decisions and actions, oldest first");
        customer.MapGet("/identity", (string customerId, IdentityResolver identities, CancellationToken cancellationToken) =>
                CustomerHandlers.GetIdentityAsync(customerId, identities, cancellationToken))
            .WithSummary("Says what a customer id or alias (such as email:ann@example.com) stands for: the customer it resolves to");
        return app;
    }
}
