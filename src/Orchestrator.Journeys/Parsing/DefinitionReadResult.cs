using System.Diagnostics.CodeAnalysis;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Parsing;

/// <summary>A definition read from JSON, or every problem that stopped it.</summary>
/// <param name="Definition">The valid definition; null when there were errors.</param>
/// <param name="Errors">Every problem found, each with its JSON pointer.</param>
public sealed record DefinitionReadResult(JourneyDefinition? Definition, IReadOnlyList<DefinitionError> Errors)
{
    /// <summary>True when the definition is valid.</summary>
    [MemberNotNullWhen(true, nameof(Definition))]
    public bool IsValid => Definition is not null && Errors.Count == 0;
}
