using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Ports;
using Orchestrator.Http.Contracts;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Http.Handlers;

/// <summary>
/// Journey definitions over HTTP: deploy a new version, list active versions, read a version; every host maps its
/// routes to these handlers, so the standalone runtime and the Functions app answer alike.
/// </summary>
public static partial class JourneyHandlers
{
    /// <summary>Deploys the definition in the body.</summary>
    /// <param name="id">The journey id.</param>
    /// <param name="request">The request.</param>
    /// <param name="definitions">The definition service.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>
    /// 201 with the new version; 200 with the active version when it already holds this definition; 400 listing every
    /// error with its JSON pointer; 415.
    /// </returns>
    public static async Task<Results<Created<JourneyDeployed>, Ok<JourneyDeployed>, ProblemHttpResult>> DeployAsync(
        string id,
        HttpRequest request,
        DefinitionService definitions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(definitions);
        if (!MediaTypes.IsJson(MediaTypes.Of(request.ContentType)))
        {
            return Problems.UnsupportedMediaType(request.ContentType, "the journey definition as application/json");
        }

        if (await BoundedBody.ReadAsync(request, JourneyDefinitionReader.MaxBytes, cancellationToken) is not { } body)
        {
            return Rejected(id, [new DefinitionError("", $"a definition is at most {JourneyDefinitionReader.MaxBytes / 1024} KiB ({JourneyDefinitionReader.MaxBytes} bytes)")]);
        }

        if (!JsonBodyText.TryDecode(body, out var json, out var notText))
        {
            return Rejected(id, [notText]);
        }

        var result = await definitions.DeployAsync(id, json, cancellationToken);
        if (result.Version is not { } version)
        {
            return Rejected(id, [.. result.Errors]);
        }

        var deployed = new JourneyDeployed(id, version);
        return result.Unchanged ? TypedResults.Ok(deployed) : TypedResults.Created(HttpRoutes.JourneyVersion(id, version), deployed);
    }

    /// <summary>Lists active versions.</summary>
    /// <param name="definitions">The definition service.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 with one entry per journey.</returns>
    public static async Task<Ok<IReadOnlyList<JourneySummary>>> ListAsync(DefinitionService definitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var active = await definitions.ListActiveAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<JourneySummary>>([.. active.OrderBy(d => d.JourneyId, StringComparer.Ordinal).Select(Summarize)]);
    }

    /// <summary>Reads the active version.</summary>
    /// <param name="id">The journey id.</param>
    /// <param name="definitions">The definition service.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 with the document, or 404.</returns>
    public static async Task<Results<Ok<JourneyDocument>, ProblemHttpResult>> GetActiveAsync(
        string id,
        DefinitionService definitions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        return await definitions.GetActiveAsync(id, cancellationToken) is { } stored
            ? TypedResults.Ok(Document(stored))
            : Problems.NotFound($"No journey '{id}' is deployed.");
    }

    /// <summary>Reads one version with its status and instance counts.</summary>
    /// <param name="id">The journey id.</param>
    /// <param name="version">The version.</param>
    /// <param name="lifecycle">The version lifecycle service.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 with the document, status and counts, or 404.</returns>
    public static async Task<Results<Ok<JourneyVersionView>, ProblemHttpResult>> GetVersionAsync(
        string id,
        int version,
        VersionLifecycle lifecycle,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        if (await lifecycle.GetAsync(id, version, cancellationToken) is not { } view)
        {
            return Problems.NotFound($"Journey '{id}' has no version {version}.");
        }

        var document = Document(view.Definition);
        return TypedResults.Ok(new JourneyVersionView(
            document.Id, document.Version, view.Definition.Status, document.DeployedAt, document.Definition, view.Instances));
    }

    private static ProblemHttpResult Rejected(string id, DefinitionError[] errors) =>
        Problems.Invalid(
            $"Journey '{id}' was not deployed",
            $"{errors.Length} error(s): {string.Join("; ", errors.Select(e => e.ToString()))}",
            errors);

    private static JourneyDocument Document(StoredDefinition stored)
    {
        using var document = JsonDocument.Parse(stored.Json);
        return new JourneyDocument(stored.JourneyId, stored.Version, stored.DeployedAt, document.RootElement.Clone());
    }

    private static JourneySummary Summarize(StoredDefinition stored)
    {
        using var document = JsonDocument.Parse(stored.Json);
        var root = document.RootElement;
        return new JourneySummary(stored.JourneyId, stored.Version, Text(root, "name"), Text(root, "category"), stored.DeployedAt, stored.Status);
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
