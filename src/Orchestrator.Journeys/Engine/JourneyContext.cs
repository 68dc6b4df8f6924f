namespace Orchestrator.Journeys.Engine;

/// <summary>
/// What the host knows beyond the instance itself and passes to the engine with an input, read in the same
/// transaction as the instance's state. The engine stays pure: it never reads anything else, and a Durable
/// orchestration receives the context from an activity result or a raised event, so a replay sees the same one.
/// </summary>
public sealed record JourneyContext
{
    /// <summary>No context: what a host that knows nothing more passes.</summary>
    public static JourneyContext Empty { get; } = new();

    /// <summary>The customer's profile as stored on their row; null when the host read none.</summary>
    public Customers.CustomerProfile? Customer { get; init; }

    /// <summary>
    /// The figures of the journey version's <c>optimize</c> arms, keyed by <see cref="ArmFigures.Key"/>; an arm
    /// missing here has none yet (cold start).
    /// </summary>
    public IReadOnlyDictionary<string, ArmFigures> Arms { get; init; } = new Dictionary<string, ArmFigures>(0, StringComparer.Ordinal);
}
