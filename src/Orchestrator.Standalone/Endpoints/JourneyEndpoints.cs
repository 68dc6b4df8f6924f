using Orchestrator.Application.Definitions;
using Orchestrator.Application.Migrations;
using Orchestrator.Application.Queries;
using Orchestrator.Http;
using Orchestrator.Http.Handlers;

namespace Orchestrator.Standalone.Endpoints;

/// <summary>Routes of journey definitions, the version lifecycle, migrations and the designer's dry runs, to the shared handlers.</summary>
/// <remarks>
/// Handlers are wrapped in lambdas rather than passed as method groups: the ASP.NET Core route handler analyzer throws
/// (AD0001, an error here) on method groups from another assembly (dotnet/aspnetcore#68976), and the lambdas keep it checking.
/// </remarks>
public static class JourneyEndpoints
{
    /// <summary>Maps the <c>/api/journeys</c> group.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The route builder.</returns>
    public static IEndpointRouteBuilder MapJourneyEndpoints(this IEndpointRouteBuilder app)
    {
        var journeys = app.MapGroup(HttpRoutes.Journeys).WithTags("Journeys");
        journeys.MapPut("/{id}", (string id, HttpRequest request, DefinitionService definitions, CancellationToken cancellationToken) =>
                JourneyHandlers.DeployAsync(id, request, definitions, cancellationToken))
            .WithSummary("Validates a journey definition and deploys it as a new active version")
            .WithDescription("The body is the definition document (application/json, UTF-8, at most 256 KiB); its 'id' must equal the one in the address. "
                + "201 with the new version; 200 with the active version, storing nothing, when it already holds the same JSON content.")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        journeys.MapGet("/", (DefinitionService definitions, CancellationToken cancellationToken) =>
                JourneyHandlers.ListAsync(definitions, cancellationToken))
            .WithSummary("Lists the latest version of every journey, with its status");
        journeys.MapGet("/{id}", (string id, DefinitionService definitions, CancellationToken cancellationToken) =>
                JourneyHandlers.GetActiveAsync(id, definitions, cancellationToken))
            .WithSummary("Reads a journey's active version");
        journeys.MapGet("/{id}/versions/{version:int}", (string id, int version, VersionLifecycle lifecycle, CancellationToken cancellationToken) =>
                JourneyHandlers.GetVersionAsync(id, version, lifecycle, cancellationToken))
            .WithSummary("Reads one version of a journey, with its status and its instances counted")
            .WithDescription("Counting reads every instance the version ever had: one directory query plus one read per instance.");
        journeys.MapGet("/{id}/versions/{version:int}/instances", (string id, int version, string? step, int? top, DefinitionService definitions, InstanceQueries queries, CancellationToken cancellationToken) =>
                JourneyHandlers.ListActiveInstancesAsync(id, version, step, top, definitions, queries, cancellationToken))
            .WithSummary("Lists a version's running and suspended instances, optionally only those at one step, longest at their step first")
            .WithDescription("Reads every instance the version ever had, as counting a version does: an operator's view of a step, not something to poll.");

        journeys.MapPost("/{id}/versions/{version:int}/drain", (string id, int version, VersionLifecycle lifecycle, CancellationToken cancellationToken) =>
                JourneyHandlers.DrainAsync(id, version, lifecycle, cancellationToken))
            .WithSummary("Drains a version: it takes no new entries, and its running instances finish")
            .ProducesProblem(StatusCodes.Status409Conflict);
        journeys.MapPost("/{id}/versions/{version:int}/stop", (string id, int version, VersionLifecycle lifecycle, CancellationToken cancellationToken) =>
                JourneyHandlers.StopAsync(id, version, lifecycle, cancellationToken))
            .WithSummary("Stops a version: it takes no new entries, and every running instance ends with outcome 'stopped'")
            .WithDescription("Idempotent: repeating it stops whatever is still running and reports how many this request stopped.");

        journeys.MapPost("/{id}/migrations", (string id, HttpRequest request, MigrationService migrations, CancellationToken cancellationToken) =>
                JourneyHandlers.StartMigrationAsync(id, request, migrations, cancellationToken))
            .WithSummary("Previews or starts a migration of a journey's running instances from one version to another")
            .WithDescription("The body is { \"from\": 1, \"to\": 2, \"steps\": { \"old-step\": \"new-step\" }, \"unmapped\": { \"end\": \"neutral\", \"reason\": \"migrated-out\" }, \"dryRun\": true }. "
                + "A dry run (the default) answers 200 with how many instances sit at each old step and where each would go; \"dryRun\": false starts the migration "
                + "and answers 202 with its address, or 409 when running instances sit at steps the map does not name and \"unmapped\" is not given.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        journeys.MapGet("/{id}/migrations/{migrationId}", (string id, string migrationId, MigrationService migrations, CancellationToken cancellationToken) =>
                JourneyHandlers.GetMigrationAsync(id, migrationId, migrations, cancellationToken))
            .WithSummary("Reads a migration and its progress: total, moved, ended, blocked, failed, and its state (running, completed, failed)");

        journeys.MapPost("/{id}/validate", (string id, HttpRequest request, CancellationToken cancellationToken) =>
                JourneyHandlers.ValidateAsync(id, request, cancellationToken))
            .WithSummary("Validates a journey definition without deploying it")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        journeys.MapPost("/{id}/simulate", (string id, HttpRequest request, CancellationToken cancellationToken) =>
                JourneyHandlers.SimulateAsync(id, request, cancellationToken))
            .WithSummary("Runs a journey definition on a scenario script with a virtual clock; nothing is stored or sent")
            .WithDescription("The body is { \"definition\": {…}, \"script\": {…} }; the answer is the simulator's trace.")
            .Produces(StatusCodes.Status200OK, contentType: MediaTypes.Json)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }
}
