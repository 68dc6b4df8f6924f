using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Simulation;

/// <summary>A scripted stream of touchpoints for one customer, run on a virtual clock.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Start">Virtual time the script starts at.</param>
/// <param name="Events">Touchpoints in time order.</param>
/// <param name="RunFor">How long after <paramref name="Start"/> timers keep firing.</param>
/// <param name="Expect">What the run should produce, if the script says.</param>
/// <param name="Journey">Path of the journey definition, relative to the script, if the script names one.</param>
/// <param name="Description">What the scenario exercises.</param>
public sealed record SimulationScript(
    string CustomerId,
    DateTimeOffset Start,
    IReadOnlyList<SimulationEvent> Events,
    TimeSpan RunFor,
    SimulationExpectation? Expect,
    string? Journey,
    string? Description)
{
    /// <summary>How long timers keep firing when the script does not say.</summary>
    public static readonly TimeSpan DefaultRunFor = TimeSpan.FromDays(400);

    /// <summary>
    /// The customer's profile when the script starts, as a profile change (attributes and consent); null for none.
    /// Touchpoints of type <see cref="Customers.ProfileChange.DefaultTouchpointType"/> change it as the script runs.
    /// </summary>
    public Customers.ProfileChange? Customer { get; init; }

    /// <summary>
    /// Figures the <c>optimize</c> steps' arms start from, keyed by <c>{step}/{label}</c>: a simulation has no live
    /// analytics, so an arm the script does not name starts cold, as Beta(1, 1).
    /// </summary>
    public IReadOnlyDictionary<string, ArmFigures> Arms { get; init; } = new Dictionary<string, ArmFigures>(0, StringComparer.Ordinal);
}
