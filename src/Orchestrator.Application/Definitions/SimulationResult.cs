using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Simulation;

namespace Orchestrator.Application.Definitions;

/// <summary>The result of a simulation request: the trace, or every problem in the request.</summary>
/// <param name="Errors">Problems, each with its JSON pointer into the request; empty when the simulation ran.</param>
/// <param name="Trace">The trace, when the simulation ran.</param>
/// <param name="Mismatches">How the trace differs from the script's <c>expect</c>; null when the script expects nothing.</param>
public sealed record SimulationResult(IReadOnlyList<DefinitionError> Errors, SimulationTrace? Trace, IReadOnlyList<string>? Mismatches)
{
    /// <summary>A request that could not run.</summary>
    /// <param name="errors">Its problems.</param>
    /// <returns>The result.</returns>
    public static SimulationResult Invalid(IReadOnlyList<DefinitionError> errors) => new(errors, null, null);
}
