using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Queries;

namespace Orchestrator.Standalone.Endpoints;

/// <summary>A customer's journeys and timeline.</summary>
public static class CustomerEndpoints
{
    /// <summary>Maps the <c>/api/customers/{customerId}</c> group.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The route builder.</returns>
    public static IEndpointRouteBuilder MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var customer = app.MapGroup("/api/customers/{customerId}").WithTags("Customers");
        customer.MapGet("/journeys", ListJourneysAsync).WithSummary("Lists the customer's journey instances, oldest first");
        customer.MapGet("/timeline", GetTimelineAsync).WithSummary("Reads the customer's timeline: touchpoints, decisions and actions, oldest first");
        return app;
    }

    /// <summary>Lists the customer's instances.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="queries">The instance queries.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 with the instances; empty for an unknown customer.</returns>
    public static async Task<Ok<IReadOnlyList<CustomerJourney>>> ListJourneysAsync(
        string customerId,
        InstanceQueries queries,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return TypedResults.Ok(await queries.ListCustomerJourneysAsync(customerId, cancellationToken));
    }

    /// <summary>Reads the customer's timeline.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="queries">The instance queries.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 with the entries; empty for an unknown customer.</returns>
    public static async Task<Ok<IReadOnlyList<TimelineEntry>>> GetTimelineAsync(
        string customerId,
        InstanceQueries queries,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return TypedResults.Ok(await queries.GetTimelineAsync(customerId, cancellationToken));
    }
}
