using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Orchestrator.Application.Definitions;
using Orchestrator.Durable.Operations;
using Orchestrator.Http.Handlers;

namespace Orchestrator.Functions.Http;

/// <summary>
/// The journey routes — deploy, list, read, drain, stop, validate, simulate — bound to the handlers the standalone
/// runtime maps, so both answer alike.
/// </summary>
/// <remarks>
/// Routes omit the <c>api/</c> that the Functions host's route prefix adds, so addresses equal the standalone ones.
/// The designer's dry runs need no service, so they are static, which the isolated worker invokes as well.
/// </remarks>
/// <param name="definitions">The definition service.</param>
/// <param name="lifecycle">The version lifecycle service.</param>
public sealed class JourneyHttpFunctions(DefinitionService definitions, VersionLifecycle lifecycle)
{
    /// <summary><c>PUT /api/journeys/{id}</c>: validates the definition in the body and deploys it as a new active version, unless the active version holds it already.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The journey id.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>201; 200 with the active version when it holds this definition already; 400 listing every error with its JSON pointer; 415.</returns>
    [Function("Journeys_Deploy")]
    public async Task<IActionResult> DeployAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "journeys/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        new HttpResultAction(await JourneyHandlers.DeployAsync(id, req, definitions, cancellationToken));

    /// <summary><c>GET /api/journeys</c>: the latest version of every journey, with its status.</summary>
    /// <param name="req">The request.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200.</returns>
    [Function("Journeys_List")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys")] HttpRequest req, CancellationToken cancellationToken) =>
        new HttpResultAction(await JourneyHandlers.ListAsync(definitions, cancellationToken));

    /// <summary><c>GET /api/journeys/{id}</c>: a journey's active version.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The journey id.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200, or 404.</returns>
    [Function("Journeys_Get")]
    public async Task<IActionResult> GetActiveAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        new HttpResultAction(await JourneyHandlers.GetActiveAsync(id, definitions, cancellationToken));

    /// <summary><c>GET /api/journeys/{id}/versions/{version}</c>: one version, its status and its instances counted.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The journey id.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200, or 404.</returns>
    [Function("Journeys_GetVersion")]
    public async Task<IActionResult> GetVersionAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys/{id}/versions/{version:int}")] HttpRequest req,
        string id,
        int version,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await JourneyHandlers.GetVersionAsync(id, version, lifecycle, cancellationToken));

    /// <summary><c>POST /api/journeys/{id}/versions/{version}/drain</c>: no new entries; running instances finish.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The journey id.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>202; 404; 409 when the version's status does not allow it.</returns>
    [Function("Journeys_Drain")]
    public async Task<IActionResult> DrainAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/versions/{version:int}/drain")] HttpRequest req,
        string id,
        int version,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await JourneyHandlers.DrainAsync(id, version, lifecycle, cancellationToken));

    /// <summary><c>POST /api/journeys/{id}/versions/{version}/stop</c>: no new entries; running instances end <c>stopped</c>.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The journey id.</param>
    /// <param name="version">The version.</param>
    /// <param name="client">The Durable client: the stopped instances' orchestrations are terminated too.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>202, or 404.</returns>
    [Function("Journeys_Stop")]
    public async Task<IActionResult> StopAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/versions/{version:int}/stop")] HttpRequest req,
        string id,
        int version,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await JourneyHandlers.StopAsync(
            id, version, lifecycle, cancellationToken, (change, token) => StoppedVersionOrchestrations.TerminateAsync(client, change, token)));

    /// <summary><c>POST /api/journeys/{id}/validate</c>: checks a definition as a deploy would, storing nothing.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The journey id.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200; 400 listing every error with its JSON pointer; 415.</returns>
    [Function("Journeys_Validate")]
    public static async Task<IActionResult> ValidateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/validate")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        new HttpResultAction(await JourneyHandlers.ValidateAsync(id, req, cancellationToken));

    /// <summary><c>POST /api/journeys/{id}/simulate</c>: runs a definition on a scenario script, storing and sending nothing.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The journey id.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200 with the trace; 400 listing every error with its JSON pointer; 415.</returns>
    [Function("Journeys_Simulate")]
    public static async Task<IActionResult> SimulateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/simulate")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        new HttpResultAction(await JourneyHandlers.SimulateAsync(id, req, cancellationToken));
}
