using Orchestrator.Journeys;

namespace Orchestrator.Durable.Orchestration;

/// <summary>What the Durable ingress does with one touchpoint once its routing is recorded.</summary>
/// <param name="Touchpoint">The touchpoint, its customer resolved.</param>
/// <param name="Redelivery">
/// Whether the touchpoint's routing was recorded by an earlier delivery: the starts and raises are what that
/// delivery may have left undone, both safe to repeat.
/// </param>
/// <param name="Starts">Orchestrations to start, each with its deterministic id and first input.</param>
/// <param name="Raises">Instance ids to raise the touchpoint event to; its payload is <see cref="Raised"/>.</param>
/// <param name="Notes">Routing notes, as the customer's timeline shows them.</param>
public sealed record TouchpointPlan(
    Touchpoint Touchpoint,
    bool Redelivery,
    IReadOnlyList<JourneyOrchestrationInput> Starts,
    IReadOnlyList<string> Raises,
    IReadOnlyList<string> Notes)
{
    /// <summary>The customer's profile as this touchpoint leaves it: what the raised event carries.</summary>
    public Journeys.Customers.CustomerProfile? Customer { get; init; }

    /// <summary>The payload of the touchpoint event raised to each instance of <see cref="Raises"/>.</summary>
    public RaisedTouchpoint Raised => RaisedTouchpoint.Of(Touchpoint, Customer);
}
