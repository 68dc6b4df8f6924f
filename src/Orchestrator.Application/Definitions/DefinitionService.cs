using System.Text;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Application.Definitions;

/// <summary>What journey designers do: validate, deploy and read versioned definitions.</summary>
public sealed class DefinitionService
{
    private readonly IDefinitionStore _store;
    private readonly DefinitionCatalog _catalog;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service.</summary>
    /// <param name="store">Definition store.</param>
    /// <param name="catalog">Parsed-definition cache, told about deployments.</param>
    /// <param name="clock">Clock for deployment times.</param>
    public DefinitionService(IDefinitionStore store, DefinitionCatalog catalog, TimeProvider clock)
    {
        _store = store;
        _catalog = catalog;
        _clock = clock;
    }

    /// <summary>Validates a definition without storing it.</summary>
    /// <param name="journeyId">The id the definition is deployed under; must equal its <c>id</c>.</param>
    /// <param name="json">The document.</param>
    /// <returns>Every problem found; empty when valid.</returns>
    public static IReadOnlyList<DefinitionError> Validate(string journeyId, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Encoding.UTF8.GetByteCount(json) > JourneyDefinitionReader.MaxBytes)
        {
            return [new DefinitionError(string.Empty, $"a definition is at most {JourneyDefinitionReader.MaxBytes / 1024} KiB")];
        }

        var result = JourneyDefinitionReader.Read(json);
        if (!result.IsValid)
        {
            return result.Errors;
        }

        return result.Definition.Id == journeyId
            ? []
            : [new DefinitionError("/id", $"the definition's id '{result.Definition.Id}' differs from '{journeyId}' in the address")];
    }

    /// <summary>Validates and stores a new version, and makes it active.</summary>
    /// <param name="journeyId">The id the definition is deployed under.</param>
    /// <param name="json">The document.</param>
    /// <param name="cancellationToken">Cancels the deployment.</param>
    /// <returns>The version stored, or the problems that stopped it.</returns>
    public async Task<DeployResult> DeployAsync(string journeyId, string json, CancellationToken cancellationToken)
    {
        var errors = Validate(journeyId, json);
        if (errors.Count > 0)
        {
            return new DeployResult(journeyId, null, errors);
        }

        var stored = await _store.DeployAsync(journeyId, json, _clock.GetUtcNow(), cancellationToken);
        _catalog.InvalidateActive();
        return new DeployResult(journeyId, stored.Version, []);
    }

    /// <summary>Lists the active version of every journey.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Active versions.</returns>
    public Task<IReadOnlyList<StoredDefinition>> ListActiveAsync(CancellationToken cancellationToken) =>
        _store.ListActiveAsync(cancellationToken);

    /// <summary>Reads the active version of one journey.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The active version, or null.</returns>
    public async Task<StoredDefinition?> GetActiveAsync(string journeyId, CancellationToken cancellationToken) =>
        (await _store.ListActiveAsync(cancellationToken)).FirstOrDefault(d => d.JourneyId == journeyId);

    /// <summary>Reads one version.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The version, or null.</returns>
    public Task<StoredDefinition?> GetVersionAsync(string journeyId, int version, CancellationToken cancellationToken) =>
        _store.GetAsync(journeyId, version, cancellationToken);
}
