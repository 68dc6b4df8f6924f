using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Application.Definitions;
using Orchestrator.Http.Contracts;
using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Simulation;

namespace Orchestrator.Http.Handlers;

/// <summary>The designer's dry runs: validate and simulate a definition without storing or sending anything.</summary>
public static partial class JourneyHandlers
{
    /// <summary>Validates the definition in the body.</summary>
    /// <param name="id">The journey id the definition would be deployed under.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 when valid; 400 listing every error with its JSON pointer; 415.</returns>
    public static async Task<Results<Ok<DefinitionValid>, ProblemHttpResult>> ValidateAsync(
        string id,
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypes.IsJson(MediaTypes.Of(request.ContentType)))
        {
            return Problems.UnsupportedMediaType(request.ContentType, "the journey definition as application/json");
        }

        if (await BoundedBody.ReadAsync(request, JourneyDefinitionReader.MaxBytes, cancellationToken) is not { } body)
        {
            return Invalid(id, [new DefinitionError("", $"a definition is at most {JourneyDefinitionReader.MaxBytes / 1024} KiB ({JourneyDefinitionReader.MaxBytes} bytes)")]);
        }

        if (!JsonBodyText.TryDecode(body, out var json, out var notText))
        {
            return Invalid(id, [notText]);
        }

        var errors = DefinitionService.Validate(id, json);
        return errors.Count == 0 ? TypedResults.Ok(new DefinitionValid(true)) : Invalid(id, [.. errors]);
    }

    /// <summary>Simulates a definition on a scenario script: <c>{ "definition": {…}, "script": {…} }</c>.</summary>
    /// <param name="id">The journey id the definition would be deployed under.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <returns>200 with the trace; 400 listing every error with its JSON pointer into the request; 415.</returns>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> SimulateAsync(
        string id,
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypes.IsJson(MediaTypes.Of(request.ContentType)))
        {
            return Problems.UnsupportedMediaType(request.ContentType, "{ \"definition\": …, \"script\": … } as application/json");
        }

        if (await BoundedBody.ReadAsync(request, DefinitionService.MaxSimulationBytes, cancellationToken) is not { } body)
        {
            return Unsimulated(id, [new DefinitionError("", $"a simulation request is at most {DefinitionService.MaxSimulationBytes / 1024} KiB")]);
        }

        if (!JsonBodyText.TryDecode(body, out var json, out var notText))
        {
            return Unsimulated(id, [notText]);
        }

        var result = DefinitionService.Simulate(id, json);
        if (result.Trace is not { } trace)
        {
            return Unsimulated(id, [.. result.Errors]);
        }

        // The trace is written by the same writer as the CLI's --json output, so both read alike.
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            SimulationTraceJson.Write(writer, trace, result.Mismatches);
        }

        return TypedResults.Content(Encoding.UTF8.GetString(buffer.ToArray()), MediaTypes.Json, Encoding.UTF8);
    }

    private static ProblemHttpResult Invalid(string id, DefinitionError[] errors) =>
        Problems.Invalid(
            $"Journey '{id}' is not valid",
            $"{errors.Length} error(s): {string.Join("; ", errors.Select(e => e.ToString()))}",
            errors);

    private static ProblemHttpResult Unsimulated(string id, DefinitionError[] errors) =>
        Problems.Invalid(
            $"Journey '{id}' was not simulated",
            $"{errors.Length} error(s): {string.Join("; ", errors.Select(e => e.ToString()))}",
            errors);
}
