using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Orchestrator.Application.Migrations;
using Orchestrator.Application.Ports;
using Orchestrator.Durable.Operations;
using Orchestrator.Http.Handlers;

namespace Orchestrator.Functions.Http;

/// <summary>
/// The migration routes, bound to the handlers the standalone runtime maps. The app has no background loop: the
/// request that starts a migration runs it, telling each instance's orchestration to move; a read of a migration that
/// no runner has advanced for <see cref="StalledAfter"/> (its request died) continues it.
/// </summary>
/// <param name="migrations">The migration service.</param>
/// <param name="customers">The customer store, whose records the orchestrations' activities keep.</param>
/// <param name="clock">Current time, to tell a stalled migration.</param>
public sealed class JourneyMigrationHttpFunctions(MigrationService migrations, ICustomerStore customers, TimeProvider clock)
{
    /// <summary>How long a running migration goes without progress before a read continues it.</summary>
    public static readonly TimeSpan StalledAfter = TimeSpan.FromMinutes(1);

    /// <summary><c>POST /api/journeys/{id}/migrations</c>: a dry run, or a migration started and run.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The journey id.</param>
    /// <param name="client">The Durable client, to tell the orchestrations.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200 with the preview; 202 with the migration; 400; 409 when instances would block; 415.</returns>
    [Function("Journeys_Migrate")]
    public async Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/migrations")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await JourneyHandlers.StartMigrationAsync(
            id, req, migrations, cancellationToken, (migration, token) => migrations.RunAsync(migration, token, new DurableInstanceMover(client, customers))));

    /// <summary><c>GET /api/journeys/{id}/migrations/{migrationId}</c>: a migration and its progress.</summary>
    /// <param name="req">The request.</param>
    /// <param name="id">The journey id.</param>
    /// <param name="migrationId">The migration id.</param>
    /// <param name="client">The Durable client, to continue a stalled migration.</param>
    /// <param name="cancellationToken">The invocation's cancellation.</param>
    /// <returns>200; 404.</returns>
    [Function("Journeys_GetMigration")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys/{id}/migrations/{migrationId}")] HttpRequest req,
        string id,
        string migrationId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new HttpResultAction(await JourneyHandlers.GetMigrationAsync(
            id, migrationId, migrations, cancellationToken, (migration, token) => migration.UpdatedAt + StalledAfter < clock.GetUtcNow()
                ? migrations.RunAsync(migration, token, new DurableInstanceMover(client, customers))
                : Task.FromResult<MigrationRecord?>(null)));
}
