using Microsoft.AspNetCore.Http.HttpResults;
using Orchestrator.Application.Migrations;
using Orchestrator.Application.Ports;
using Orchestrator.Http.Contracts;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Http.Handlers;

/// <summary>Migrations of running instances to another version: the dry run, the start, the progress.</summary>
public static partial class JourneyHandlers
{
    /// <summary>Previews (<c>"dryRun": true</c>, the default) or starts (<c>"dryRun": false</c>) a migration.</summary>
    /// <param name="id">The journey id.</param>
    /// <param name="request">The request.</param>
    /// <param name="migrations">The migration service.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <param name="run">
    /// Runs the migration started, where a host has no background runner (the Functions app runs it within the
    /// request); none in the standalone runtime, whose migration loop picks it up.
    /// </param>
    /// <returns>
    /// 200 with the preview for a dry run; 202 with the preview and the migration, its address in <c>Location</c>;
    /// 400 naming each error's JSON pointer; 409 with the preview when instances sit at unmapped steps; 415.
    /// </returns>
    public static async Task<Results<Ok<MigrationPreview>, Accepted<MigrationStarted>, ProblemHttpResult>> StartMigrationAsync(
        string id,
        HttpRequest request,
        MigrationService migrations,
        CancellationToken cancellationToken,
        Func<MigrationRecord, CancellationToken, Task<MigrationRecord?>>? run = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(migrations);
        if (!MediaTypes.IsJson(MediaTypes.Of(request.ContentType)))
        {
            return Problems.UnsupportedMediaType(request.ContentType, "the migration request as application/json");
        }

        if (await BoundedBody.ReadAsync(request, MigrationRequestReader.MaxBytes, cancellationToken) is not { } body)
        {
            return Unmigrated(id, [new DefinitionError("", $"a migration request is at most {MigrationRequestReader.MaxBytes / 1024} KiB")]);
        }

        if (!JsonBodyText.TryDecode(body, out var json, out var notText))
        {
            return Unmigrated(id, [notText]);
        }

        if (MigrationRequestReader.Read(id, json, out var dryRun, out var errors) is not { } migration)
        {
            return Unmigrated(id, [.. errors]);
        }

        var start = dryRun
            ? await migrations.PreviewAsync(migration, cancellationToken)
            : await migrations.StartAsync(migration, cancellationToken);
        if (run is not null && start.Migration is { } begun && await run(begun, cancellationToken) is { } ran)
        {
            start = start with { Migration = ran };
        }

        return start switch
        {
            { Errors.Count: > 0 } => Unmigrated(id, [.. start.Errors]),
            { Migration: { } started, Preview: { } preview } => TypedResults.Accepted(
                HttpRoutes.JourneyMigration(id, started.Id), new MigrationStarted(preview, MigrationView.Of(started))),
            { IsBlocked: true, Preview: { } preview } when !dryRun => TypedResults.Problem(
                detail: $"{preview.Blocked} running instance(s) sit at steps the map does not name ({string.Join(", ", preview.Steps.Where(s => s.Action == MigrationAction.Block).Select(s => s.Step))}); "
                    + "map those steps, or say \"unmapped\": { \"end\": \"<outcome>\" } to end them.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Migration blocked",
                extensions: new Dictionary<string, object?> { ["preview"] = preview }),
            { Preview: { } preview } => TypedResults.Ok(preview),
            _ => Unmigrated(id, [new DefinitionError("", "the migration could not be checked")]),
        };
    }

    /// <summary>Reads a migration and its progress.</summary>
    /// <param name="id">The journey id.</param>
    /// <param name="migrationId">The migration id.</param>
    /// <param name="migrations">The migration service.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    /// <param name="resume">
    /// Continues a running migration that no runner advances, where a host has no background runner (the Functions
    /// app); none in the standalone runtime.
    /// </param>
    /// <returns>200 with the migration; 404.</returns>
    public static async Task<Results<Ok<MigrationView>, ProblemHttpResult>> GetMigrationAsync(
        string id,
        string migrationId,
        MigrationService migrations,
        CancellationToken cancellationToken,
        Func<MigrationRecord, CancellationToken, Task<MigrationRecord?>>? resume = null)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        if (await migrations.GetAsync(id, migrationId, cancellationToken) is not { } migration)
        {
            return Problems.NotFound($"Journey '{id}' has no migration '{migrationId}'.");
        }

        if (resume is not null && migration.State == MigrationState.Running && await resume(migration, cancellationToken) is { } resumed)
        {
            migration = resumed;
        }

        return TypedResults.Ok(MigrationView.Of(migration));
    }

    private static ProblemHttpResult Unmigrated(string id, DefinitionError[] errors) =>
        Problems.Invalid(
            $"Migration of journey '{id}' was rejected",
            $"{errors.Length} error(s): {string.Join("; ", errors.Select(e => e.ToString()))}",
            errors);
}
