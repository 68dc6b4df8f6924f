using Orchestrator.Application.Customers;
using Orchestrator.Journeys;

namespace Orchestrator.Application.Processing;

/// <summary>
/// What a runtime does with a touchpoint once it is routed, inside the touchpoint's transaction: the standalone runtime
/// applies it to the instances and starts the journeys; the Durable one records what its orchestrations are to do.
/// </summary>
/// <param name="work">The work being built, the routing recorded in it.</param>
/// <param name="snapshot">The customer as read.</param>
/// <param name="touchpoint">The touchpoint, its customer resolved.</param>
/// <param name="plan">Where the touchpoint goes.</param>
/// <param name="now">Engine time.</param>
/// <returns>A task that completes when the work holds it.</returns>
internal delegate Task RoutedApply(CustomerWork work, CustomerSnapshot snapshot, Touchpoint touchpoint, RoutePlan plan, DateTimeOffset now);
