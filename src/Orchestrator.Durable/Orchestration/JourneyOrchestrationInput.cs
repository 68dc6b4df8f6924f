using Orchestrator.Journeys;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Durable.Orchestration;

/// <summary>
/// The input of one generation of a journey orchestration: the first one carries the trigger, later ones
/// (after continue-as-new) the state the previous generation ended with.
/// </summary>
/// <remarks>
/// Engine types travel as themselves: their JSON shape (camel-case enums, <c>kind</c> discriminators) is declared by
/// attributes on the types, so they round-trip through the Durable worker's own System.Text.Json converter as
/// through <c>JourneyJsonContext</c> (a test checks both).
/// </remarks>
/// <param name="InstanceId">The deterministic instance id (also the orchestration's id).</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The version the instance runs.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Trigger">The entry touchpoint, for the first generation.</param>
/// <param name="State">The engine state, for later generations.</param>
/// <param name="DeferredDueAt">When the earliest deferred action of the instance is due, if any.</param>
/// <param name="RecentTouchpoints">Ids of the latest touchpoints applied, so a redelivered event is not applied twice.</param>
/// <param name="Generation">How many times the orchestration continued as new.</param>
public sealed record JourneyOrchestrationInput(
    string InstanceId,
    string JourneyId,
    int Version,
    string CustomerId,
    Touchpoint? Trigger,
    JourneyState? State,
    DateTimeOffset? DeferredDueAt,
    IReadOnlyList<string> RecentTouchpoints,
    int Generation)
{
    /// <summary>
    /// The customer's profile as last seen: read with the entry by the ingress for the first generation, then as the
    /// latest recording activity returned it; null when none was read (the engine then reads every profile field as missing).
    /// </summary>
    public Journeys.Customers.CustomerProfile? Customer { get; init; }
}
