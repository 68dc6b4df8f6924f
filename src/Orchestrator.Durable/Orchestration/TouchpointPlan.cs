using Orchestrator.Journeys;

namespace Orchestrator.Durable.Orchestration;

/// <summary>What the Durable ingress does with one touchpoint.</summary>
/// <param name="Touchpoint">The touchpoint, its customer resolved.</param>
/// <param name="Duplicate">Whether it was handled before (its dedupe marker is stored): nothing to do.</param>
/// <param name="Starts">Orchestrations to start, each with its deterministic id and first input.</param>
/// <param name="Raises">Instance ids to raise the touchpoint event to.</param>
/// <param name="Notes">Routing notes for the customer's timeline.</param>
public sealed record TouchpointPlan(
    Touchpoint Touchpoint,
    bool Duplicate,
    IReadOnlyList<JourneyOrchestrationInput> Starts,
    IReadOnlyList<string> Raises,
    IReadOnlyList<string> Notes)
{
    /// <summary>The event payload raised to <see cref="Raises"/>: the touchpoint as <c>JourneyJsonContext</c> writes it.</summary>
    public string EventPayload => System.Text.Json.JsonSerializer.Serialize(Touchpoint, Journeys.Serialization.JourneyJsonContext.Default.Touchpoint);
}
