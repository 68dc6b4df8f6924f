using System.Text;
using System.Text.Json;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Simulation;

namespace Orchestrator.Application.Definitions;

/// <summary>What journey designers do: validate, simulate, deploy and read versioned definitions.</summary>
public sealed class DefinitionService
{
    /// <summary>Largest simulation request: a definition at its limit plus a generous script.</summary>
    public const int MaxSimulationBytes = 1024 * 1024;

    private static readonly HashSet<string> SimulationProperties = ["definition", "script"];

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

    /// <summary>
    /// Runs a definition on a scenario script with the simulator, storing and sending nothing. The request is
    /// <c>{ "definition": {…}, "script": {…} }</c>; problems point into it (<c>/definition/…</c>, <c>/script/…</c>).
    /// </summary>
    /// <param name="journeyId">The id the definition would be deployed under; must equal its <c>id</c>.</param>
    /// <param name="requestJson">The request document.</param>
    /// <returns>The trace and the expectation check, or every problem found.</returns>
    public static SimulationResult Simulate(string journeyId, string requestJson)
    {
        ArgumentNullException.ThrowIfNull(requestJson);
        if (Encoding.UTF8.GetByteCount(requestJson) > MaxSimulationBytes)
        {
            return SimulationResult.Invalid([new DefinitionError(string.Empty, $"a simulation request is at most {MaxSimulationBytes / 1024} KiB")]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(requestJson, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            return SimulationResult.Invalid([new DefinitionError(string.Empty, exception.Message)]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return SimulationResult.Invalid([new DefinitionError(string.Empty, "a simulation request is an object with 'definition' and 'script'")]);
            }

            var errors = new List<DefinitionError>();
            foreach (var property in root.EnumerateObject().Where(p => !SimulationProperties.Contains(p.Name)))
            {
                errors.Add(new DefinitionError(JsonPointer.Append(string.Empty, property.Name), $"unknown property '{property.Name}'"));
            }

            var definitionJson = Member(root, "definition", errors);
            var scriptJson = Member(root, "script", errors);
            if (definitionJson is not null)
            {
                errors.AddRange(Validate(journeyId, definitionJson).Select(e => Prefixed("/definition", e)));
            }

            SimulationScript? script = null;
            if (scriptJson is not null)
            {
                script = SimulationScriptReader.Read(scriptJson, out var scriptErrors);
                errors.AddRange(scriptErrors.Select(e => Prefixed("/script", e)));
            }

            if (errors.Count > 0 || definitionJson is null || script is null || JourneyDefinitionReader.Read(definitionJson) is not { IsValid: true } read)
            {
                return SimulationResult.Invalid(errors);
            }

            var trace = JourneySimulator.Run(read.Definition, script);
            var mismatches = script.Expect is { } expect ? SimulationVerifier.Check(trace, expect) : null;
            return new SimulationResult([], trace, mismatches);
        }
    }

    /// <summary>
    /// Validates and stores a new version, and makes it active; a definition the active version already holds (the same
    /// JSON content, whatever its layout or property order) is not stored again, so repeating a deployment is safe.
    /// </summary>
    /// <param name="journeyId">The id the definition is deployed under.</param>
    /// <param name="json">The document.</param>
    /// <param name="cancellationToken">Cancels the deployment.</param>
    /// <returns>The version stored (or the active one, unchanged), or the problems that stopped it.</returns>
    public async Task<DeployResult> DeployAsync(string journeyId, string json, CancellationToken cancellationToken)
    {
        var errors = Validate(journeyId, json);
        if (errors.Count > 0)
        {
            return new DeployResult(journeyId, null, errors);
        }

        // Only an active version counts: deploying onto a drained or stopped one makes a new active version.
        if (await GetActiveAsync(journeyId, cancellationToken) is { TakesEntries: true } active && SameContent(active.Json, json))
        {
            return new DeployResult(journeyId, active.Version, [], Unchanged: true);
        }

        var stored = await _store.DeployAsync(journeyId, json, _clock.GetUtcNow(), cancellationToken);
        _catalog.InvalidateActive();
        return new DeployResult(journeyId, stored.Version, []);
    }

    /// <summary>Lists the latest version of every journey, with its status.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Latest versions.</returns>
    public Task<IReadOnlyList<StoredDefinition>> ListActiveAsync(CancellationToken cancellationToken) =>
        _store.ListActiveAsync(cancellationToken);

    /// <summary>Reads the latest version of one journey, with its status.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The latest version, or null.</returns>
    public async Task<StoredDefinition?> GetActiveAsync(string journeyId, CancellationToken cancellationToken) =>
        (await _store.ListActiveAsync(cancellationToken)).FirstOrDefault(d => d.JourneyId == journeyId);

    /// <summary>Reads one version.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The version, or null.</returns>
    public Task<StoredDefinition?> GetVersionAsync(string journeyId, int version, CancellationToken cancellationToken) =>
        _store.GetAsync(journeyId, version, cancellationToken);

    /// <summary>Whether two JSON documents hold the same content: layout and property order aside, numbers by value.</summary>
    /// <param name="left">One document.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are the same.</returns>
    public static bool SameContent(string left, string right)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);
        return JsonElement.DeepEquals(a.RootElement, b.RootElement);
    }

    private static string? Member(JsonElement root, string name, List<DefinitionError> errors)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            errors.Add(new DefinitionError(string.Empty, $"missing required property '{name}'"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DefinitionError($"/{name}", "must be an object"));
            return null;
        }

        return value.GetRawText();
    }

    private static DefinitionError Prefixed(string prefix, DefinitionError error) => error with { Pointer = prefix + error.Pointer };
}
