using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Queries;

/// <summary>What an instance is doing now: the <c>customStatus</c> of its status (kept well under 16 KB).</summary>
/// <param name="Journey">The journey.</param>
/// <param name="Version">The journey version.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Step">The current step.</param>
/// <param name="Waiting">What the step waits for.</param>
/// <param name="Awaiting">Event types the instance reacts to now.</param>
/// <param name="WakeUpAt">When it next wakes on its own.</param>
public sealed record InstanceCustomStatus(
    string Journey,
    int Version,
    string CustomerId,
    string? Step,
    WaitKind Waiting,
    IReadOnlyList<AwaitedEvent> Awaiting,
    DateTimeOffset? WakeUpAt)
{
    /// <summary>Builds the custom status from engine state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The custom status.</returns>
    public static InstanceCustomStatus From(JourneyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.JourneyId, state.Version, state.CustomerId, state.CurrentStep, state.Waiting, state.Awaiting, state.NextWakeUpAt);
    }
}
