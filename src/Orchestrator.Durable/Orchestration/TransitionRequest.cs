using Orchestrator.Journeys;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Durable.Orchestration;

/// <summary>Input of <see cref="JourneyOrchestrationNames.RecordTransition"/>.</summary>
/// <param name="Transition">The engine transition.</param>
/// <param name="Kind">Timeline kind: <c>touchpoint</c> or <c>wakeUp</c>.</param>
/// <param name="Touchpoint">The touchpoint that caused it, for <c>touchpoint</c> entries.</param>
/// <param name="Started">Whether the transition started the instance.</param>
/// <param name="Applied">
/// Ids of the touchpoints the orchestration applied lately, this one included, so its customer's partition stops
/// keeping them for a raise again.
/// </param>
public sealed record TransitionRequest(JourneyTransition Transition, string Kind, Touchpoint? Touchpoint, bool Started, IReadOnlyList<string> Applied)
{
    /// <summary>For a migration's move, the version the instance left (the transition's state is on the new one).</summary>
    public int? MigratedFrom { get; init; }
}
