using Orchestrator.Application.Customers;
using Orchestrator.Application.Identity;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Journeys;

namespace Orchestrator.Application.Processing;

/// <summary>
/// The step both touchpoint ingresses share: resolve the subject to a customer, then, in the customer's transaction,
/// route the touchpoint (profile facts, awaiting instances, journeys it enters) and hand the routing to the runtime.
/// </summary>
/// <param name="processor">Runs the transaction and routes.</param>
/// <param name="identities">Resolves subjects.</param>
/// <param name="clock">Time a touchpoint that names none is given.</param>
internal sealed class TouchpointRouting(CustomerProcessor processor, IdentityResolver identities, TimeProvider clock)
{
    /// <summary>Resolves the touchpoint's subject.</summary>
    /// <param name="incoming">The validated touchpoint.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <returns>The touchpoint, its customer resolved.</returns>
    public Task<Touchpoint> ResolveAsync(IncomingTouchpoint incoming, CancellationToken cancellationToken) =>
        identities.ResolveAsync(incoming, clock.GetUtcNow(), cancellationToken);

    /// <summary>Resolves the subject, then routes the touchpoint in one transaction of its customer.</summary>
    /// <param name="incoming">The validated touchpoint.</param>
    /// <param name="inputOf">The runtime's input for the resolved touchpoint.</param>
    /// <param name="apply">What the runtime does with the routing.</param>
    /// <param name="redelivered">Told of a touchpoint the customer's load shows applied before; none ignores it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The resolved touchpoint and what its transaction did.</returns>
    public async Task<(Touchpoint Touchpoint, ProcessResult Result)> RouteAsync(
        IncomingTouchpoint incoming,
        Func<Touchpoint, CustomerInput> inputOf,
        RoutedApply apply,
        Action<CustomerSnapshot, Touchpoint>? redelivered,
        CancellationToken cancellationToken)
    {
        var touchpoint = await ResolveAsync(incoming, cancellationToken);
        var result = await processor.RouteTouchpointAsync(inputOf(touchpoint), touchpoint, apply, redelivered, cancellationToken);
        return (touchpoint, result);
    }
}
