namespace Orchestrator.Journeys.Simulation;

/// <summary>Compares a trace with a scenario's expectations.</summary>
public static class SimulationVerifier
{
    /// <summary>Lists every way the trace differs from the expectation; empty when it meets it.</summary>
    /// <param name="trace">What the simulator produced.</param>
    /// <param name="expect">What the scenario expects.</param>
    /// <returns>Plain-language mismatches.</returns>
    public static IReadOnlyList<string> Check(SimulationTrace trace, SimulationExpectation expect)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(expect);
        var problems = new List<string>();
        if (expect.Outcome is { } outcome && outcome != trace.Outcome)
        {
            problems.Add($"outcome: expected {outcome}, got {trace.Outcome}");
        }

        if (expect.Actions is { } actions && !actions.SequenceEqual(trace.Actions))
        {
            problems.Add($"actions: expected [{string.Join(", ", actions)}], got [{string.Join(", ", trace.Actions)}]");
        }

        if (expect.Steps is { } steps && !steps.SequenceEqual(trace.Steps))
        {
            problems.Add($"steps: expected [{string.Join(", ", steps)}], got [{string.Join(", ", trace.Steps)}]");
        }

        return problems;
    }
}
