using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Queries;

namespace Orchestrator.Http.Handlers;

/// <summary>A customer's journeys and timeline over HTTP, for every host.</summary>
public static class CustomerHandlers
{
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
