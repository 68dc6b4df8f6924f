using Orchestrator.Journeys.Simulation;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>One script to run on a driver, against a journey the driver has deployed.</summary>
/// <param name="Name">The scenario's name, for messages.</param>
/// <param name="JourneyId">The journey the script runs.</param>
/// <param name="Script">The script, with the customer id this run uses.</param>
public sealed record ScenarioRun(string Name, string JourneyId, SimulationScript Script)
{
    public override string ToString() => $"{Name} ({Script.CustomerId})";
}
