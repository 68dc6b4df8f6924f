using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Identity;
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

    /// <summary>Says what a customer search term stands for: a customer id, or an alias and the customer it is linked to.</summary>
    /// <param name="subject">A customer id or an alias such as <c>email:ann@example.com</c>.</param>
    /// <param name="identities">The identity resolver.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 with the identity; an unknown id or an alias not linked resolves to itself.</returns>
    public static async Task<Ok<CustomerIdentity>> GetIdentityAsync(
        string subject,
        IdentityResolver identities,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identities);
        return TypedResults.Ok(await identities.DescribeAsync(subject, cancellationToken));
    }
}
