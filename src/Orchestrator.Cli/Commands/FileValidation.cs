using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Cli.Commands;

/// <summary>What <c>journey validate</c> found for one file.</summary>
/// <param name="File">The file, as given on the command line.</param>
/// <param name="Errors">The definition's problems; empty when valid or unreadable.</param>
/// <param name="ReadProblem">Why the file could not be read, when it could not.</param>
internal sealed record FileValidation(string File, IReadOnlyList<DefinitionError> Errors, string? ReadProblem)
{
    public bool IsValid => ReadProblem is null && Errors.Count == 0;
}
