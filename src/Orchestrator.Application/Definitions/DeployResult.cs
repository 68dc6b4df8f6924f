using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Application.Definitions;

/// <summary>The result of deploying a definition: the stored version, or every problem found.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The new version, when deployed.</param>
/// <param name="Errors">Problems, each with its JSON pointer; empty when deployed.</param>
/// <param name="Unchanged">
/// Whether the active version already held this definition, so <paramref name="Version"/> is that version and nothing was stored.
/// </param>
public sealed record DeployResult(string JourneyId, int? Version, IReadOnlyList<DefinitionError> Errors, bool Unchanged = false)
{
    /// <summary>Whether a version was stored.</summary>
    public bool Deployed => Version is not null;
}
