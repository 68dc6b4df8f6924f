using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>Runs journeys on one runtime: the simulator, the standalone host, later Azure Functions.</summary>
/// <remarks>
/// A driver takes a batch of runs rather than one at a time because a real host has one clock, which only
/// moves forward: scenarios whose spans overlap in time must share it, played side by side in time order.
/// Each run gets its own customer id, so runs cannot see each other.
/// </remarks>
public interface IJourneyDriver
{
    /// <summary>Short name used in test cases and messages.</summary>
    string Name { get; }

    /// <summary>Makes a journey available to later runs; deploying the same journey again is not needed.</summary>
    /// <param name="definition">The parsed journey.</param>
    /// <param name="json">The document as written.</param>
    /// <param name="cancellationToken">Cancels the deployment.</param>
    /// <returns>A task that completes when the journey is live.</returns>
    Task DeployAsync(JourneyDefinition definition, string json, CancellationToken cancellationToken);

    /// <summary>Runs scripts to their end (instance completed, or <c>start + runFor</c> passed).</summary>
    /// <param name="runs">The runs, each with a customer id of its own.</param>
    /// <param name="cancellationToken">Cancels the runs.</param>
    /// <returns>One result per run, in the same order.</returns>
    Task<IReadOnlyList<JourneyRunResult>> RunAsync(IReadOnlyList<ScenarioRun> runs, CancellationToken cancellationToken);
}
