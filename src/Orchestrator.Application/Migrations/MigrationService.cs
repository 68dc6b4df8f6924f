using System.Globalization;
using Microsoft.Extensions.Logging;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Application.Migrations;

/// <summary>
/// Migrations of a journey's running instances from one version to another: checked and previewed (the dry run),
/// then started as a stored migration that moves instances batch by batch, writing its progress after each batch,
/// so a host restart continues it (<see cref="ResumeAsync"/>) and repeating it moves no instance twice.
/// </summary>
/// <remarks>
/// Each move is the <see cref="IInstanceMover"/>'s: in the standalone runtime one ordinary commit per instance through
/// the customer's run loop, so touchpoints arriving meanwhile are applied before or after the move, never lost.
/// One runner per migration: a runner that loses a progress write to another stops and leaves the migration to it.
/// </remarks>
public sealed partial class MigrationService
{
    /// <summary>Reads of instances in flight at once when previewing.</summary>
    private const int ReadsInFlight = 16;

    private readonly IMigrationStore _store;
    private readonly DefinitionCatalog _catalog;
    private readonly IInstanceDirectory _directory;
    private readonly ICustomerStore _customers;
    private readonly IInstanceMover _mover;
    private readonly TimeProvider _clock;
    private readonly MigrationOptions _options;
    private readonly ILogger<MigrationService> _logger;
    private readonly KeyedRunners _running = new();

    /// <summary>Creates the service.</summary>
    /// <param name="store">Where migrations and their progress are kept.</param>
    /// <param name="catalog">Definitions, by version.</param>
    /// <param name="directory">Instance directory, to find a version's instances.</param>
    /// <param name="customers">Customer store, to read instances.</param>
    /// <param name="mover">Moves one instance.</param>
    /// <param name="clock">Current time.</param>
    /// <param name="options">Application options (batch size, pause).</param>
    /// <param name="logger">Logger.</param>
    public MigrationService(
        IMigrationStore store,
        DefinitionCatalog catalog,
        IInstanceDirectory directory,
        ICustomerStore customers,
        IInstanceMover mover,
        TimeProvider clock,
        ApplicationOptions options,
        ILogger<MigrationService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _catalog = catalog;
        _directory = directory;
        _customers = customers;
        _mover = mover;
        _clock = clock;
        _options = options.Migrations;
        _logger = logger;
    }

    /// <summary>Raised when a migration is started, so a host's runner can pick it up at once.</summary>
    public event Action<MigrationRecord>? Started;

    /// <summary>Checks a request against both versions and previews it: the dry run.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>Errors with their JSON pointers, or the preview.</returns>
    public async Task<MigrationStart> PreviewAsync(MigrationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<DefinitionError>();
        if (request.From < 1)
        {
            errors.Add(new DefinitionError("/from", "a version number, 1 or more"));
        }

        if (request.To < 1)
        {
            errors.Add(new DefinitionError("/to", "a version number, 1 or more"));
        }
        else if (request.To == request.From)
        {
            errors.Add(new DefinitionError("/to", "the version to move to must differ from the version moved from"));
        }

        var from = request.From < 1 ? null : await _catalog.GetAsync(request.JourneyId, request.From, cancellationToken);
        var to = request.To < 1 ? null : await _catalog.GetAsync(request.JourneyId, request.To, cancellationToken);
        if (request.From >= 1 && from is null)
        {
            errors.Add(new DefinitionError("/from", $"journey '{request.JourneyId}' has no version {request.From}"));
        }

        if (request.To >= 1 && to is null)
        {
            errors.Add(new DefinitionError("/to", $"journey '{request.JourneyId}' has no version {request.To}"));
        }

        foreach (var (oldStep, newStep) in request.Steps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var pointer = "/steps/" + Escape(oldStep);
            if (from is not null && !from.Steps.ContainsKey(oldStep))
            {
                errors.Add(new DefinitionError(pointer, $"version {request.From} has no step '{oldStep}'"));
            }

            if (to is not null && !to.Steps.ContainsKey(newStep))
            {
                errors.Add(new DefinitionError(pointer, $"version {request.To} has no step '{newStep}'"));
            }
        }

        if (request.Unmapped is { Reason: var reason } && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new DefinitionError("/unmapped/reason", "a reason, when given, is not blank"));
        }

        if (errors.Count > 0 || from is null || to is null)
        {
            return new MigrationStart(errors, null, null);
        }

        var running = await RunningAsync(request.JourneyId, request.From, cancellationToken);
        var steps = running
            .GroupBy(r => r.State.CurrentStep ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => request.Steps.TryGetValue(g.Key, out var target)
                ? new MigrationStepPreview(g.Key, g.Count(), MigrationAction.Move, target)
                : new MigrationStepPreview(g.Key, g.Count(), request.Unmapped is null ? MigrationAction.Block : MigrationAction.End, null))
            .ToArray();
        int Count(MigrationAction action) => steps.Where(s => s.Action == action).Sum(s => s.Instances);
        var preview = new MigrationPreview(
            request.JourneyId, request.From, request.To, running.Count, Count(MigrationAction.Move), Count(MigrationAction.End), Count(MigrationAction.Block), steps);
        return new MigrationStart([], preview, null);
    }

    /// <summary>
    /// Starts a migration: checks and previews it, and when nothing blocks stores it as running and raises
    /// <see cref="Started"/>. Its instances are moved by <see cref="RunAsync"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    /// <returns>Errors, a blocking preview, or the preview and the migration stored.</returns>
    public async Task<MigrationStart> StartAsync(MigrationRequest request, CancellationToken cancellationToken)
    {
        var checkedRequest = await PreviewAsync(request, cancellationToken);
        if (checkedRequest.Preview is not { Blocked: 0 } preview)
        {
            return checkedRequest;
        }

        var now = _clock.GetUtcNow();
        // Time first, so ids sort as migrations were asked for; the random part keeps two asked in one second apart.
        var id = string.Create(CultureInfo.InvariantCulture, $"m{now:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}");
        var migration = await _store.CreateAsync(
            new MigrationRecord(id, request.JourneyId, request.From, request.To, request.Steps, request.Unmapped, now)
            {
                Total = preview.Total,
                UpdatedAt = now,
            },
            cancellationToken);
        LogStarted(migration.JourneyId, migration.Id, migration.From, migration.To, migration.Total);
        Started?.Invoke(migration);
        return checkedRequest with { Migration = migration };
    }

    /// <summary>Reads a migration with its progress.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="id">The migration id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The migration, or null.</returns>
    public Task<MigrationRecord?> GetAsync(string journeyId, string id, CancellationToken cancellationToken) =>
        _store.GetAsync(journeyId, id, cancellationToken);

    /// <summary>Runs every migration still running (a host's start, or its loop), one after another.</summary>
    /// <param name="cancellationToken">Stops between two instances; the migration continues at the next call.</param>
    /// <param name="mover">Moves the instances; the registered one when null.</param>
    /// <returns>How many migrations this call ran to their end.</returns>
    public async Task<int> ResumeAsync(CancellationToken cancellationToken, IInstanceMover? mover = null)
    {
        var finished = 0;
        foreach (var migration in await _store.ListRunningAsync(cancellationToken))
        {
            if ((await RunAsync(migration, cancellationToken, mover))?.State is MigrationState.Completed or MigrationState.Failed)
            {
                finished++;
            }
        }

        return finished;
    }

    /// <summary>
    /// Moves a migration's instances in batches until none is left on the old version, writing its progress after each
    /// batch, then marks it completed (or failed when some move failed).
    /// </summary>
    /// <param name="migration">The migration as read.</param>
    /// <param name="cancellationToken">Stops between two instances; what is done stays done.</param>
    /// <param name="mover">Moves the instances; the registered one when null (the Functions app passes one with the request's Durable client).</param>
    /// <returns>The migration as it ended; null when another runner has it (in this process or, by its progress writes, another).</returns>
    public async Task<MigrationRecord?> RunAsync(MigrationRecord migration, CancellationToken cancellationToken, IInstanceMover? mover = null)
    {
        ArgumentNullException.ThrowIfNull(migration);
        if (migration.State != MigrationState.Running || !_running.TryEnter(migration.JourneyId, migration.Id))
        {
            return null;
        }

        try
        {
            return await RunBatchesAsync(migration, mover ?? _mover, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            LogTaken(migration.JourneyId, migration.Id);
            return null;
        }
        finally
        {
            _running.Exit(migration.JourneyId, migration.Id);
        }
    }

    private async Task<MigrationRecord> RunBatchesAsync(MigrationRecord migration, IInstanceMover mover, CancellationToken cancellationToken)
    {
        // A crash between a batch's moves and its progress write: those instances are checked first, and the ones
        // this migration already moved or ended are counted now, once.
        var recovered = migration.InFlight.ToHashSet(StringComparer.Ordinal);
        var pending = new List<InstanceLocation>();
        foreach (var location in await _directory.ListByVersionAsync(migration.JourneyId, migration.From, cancellationToken))
        {
            if (recovered.Contains(location.InstanceId))
            {
                pending.Insert(0, location);
            }
            else
            {
                pending.Add(location);
            }
        }

        foreach (var instanceId in recovered.Where(id => !pending.Any(p => p.InstanceId == id)))
        {
            // Moved before the crash and its directory entry already followed: count it from its record.
            if (await _directory.FindAsync(instanceId, cancellationToken) is { } location)
            {
                pending.Insert(0, location);
            }
        }

        foreach (var batch in pending.Chunk(Math.Max(1, _options.BatchSize)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            migration = await _store.UpdateAsync(migration with { InFlight = [.. batch.Select(l => l.InstanceId)], UpdatedAt = _clock.GetUtcNow() }, cancellationToken);
            var (moved, ended, blocked, failed) = (0, 0, 0, 0);
            string? error = null;
            foreach (var location in batch)
            {
                try
                {
                    switch (await mover.MoveAsync(migration, location, cancellationToken))
                    {
                        case InstanceMove.Moved:
                            moved++;
                            break;
                        case InstanceMove.Ended:
                            ended++;
                            break;
                        case InstanceMove.Blocked:
                            blocked++;
                            break;
                        case InstanceMove.AlreadyMoved when recovered.Contains(location.InstanceId):
                            moved++;
                            break;
                        case InstanceMove.Gone when recovered.Contains(location.InstanceId) && await EndedByAsync(migration, location, cancellationToken):
                            ended++;
                            break;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failed++;
                    error = $"{location.InstanceId}: {exception.Message}";
                    LogMoveFailed(migration.JourneyId, migration.Id, location.InstanceId, exception);
                }
            }

            migration = await _store.UpdateAsync(
                migration with
                {
                    Moved = migration.Moved + moved,
                    Ended = migration.Ended + ended,
                    Blocked = migration.Blocked + blocked,
                    Failed = migration.Failed + failed,
                    Error = error ?? migration.Error,
                    InFlight = [],
                    UpdatedAt = _clock.GetUtcNow(),
                },
                cancellationToken);
            if (_options.PauseBetweenBatches > TimeSpan.Zero)
            {
                // Wall clock: the pause spares the storage account, it makes no engine decision.
                await Task.Delay(_options.PauseBetweenBatches, cancellationToken);
            }
        }

        migration = await _store.UpdateAsync(
            migration with { State = migration.Failed > 0 ? MigrationState.Failed : MigrationState.Completed, InFlight = [], UpdatedAt = _clock.GetUtcNow() },
            cancellationToken);
        LogFinished(migration.JourneyId, migration.Id, migration.State, migration.Moved, migration.Ended, migration.Blocked, migration.Failed);
        return migration;
    }

    private async Task<bool> EndedByAsync(MigrationRecord migration, InstanceLocation location, CancellationToken cancellationToken) =>
        migration.Unmapped is { } unmapped
        && await _customers.GetInstanceAsync(location.CustomerId, location.InstanceId, cancellationToken) is { } record
        && record.State.Version == migration.From
        && record.RuntimeStatus == InstanceRuntimeStatus.Completed
        && record.State.Outcome == unmapped.Outcome
        && record.State.Reason == unmapped.Reason;

    private async Task<IReadOnlyList<InstanceRecord>> RunningAsync(string journeyId, int version, CancellationToken cancellationToken)
    {
        var records = new List<InstanceRecord>();
        var locations = await _directory.ListByVersionAsync(journeyId, version, cancellationToken);
        foreach (var batch in locations.Chunk(ReadsInFlight))
        {
            var read = await Task.WhenAll(batch.Select(l => _customers.GetInstanceAsync(l.CustomerId, l.InstanceId, cancellationToken)));
            records.AddRange(read.OfType<InstanceRecord>().Where(r => r.IsActive && r.State.Version == version));
        }

        return records;
    }

    // RFC 6901: '~' and '/' in a key are escaped in a JSON pointer.
    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migration {MigrationId} of journey {JourneyId} started: v{From} to v{To}, {Total} running instances")]
    private partial void LogStarted(string journeyId, string migrationId, int from, int to, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migration {MigrationId} of journey {JourneyId} {State}: {Moved} moved, {Ended} ended, {Blocked} blocked, {Failed} failed")]
    private partial void LogFinished(string journeyId, string migrationId, MigrationState state, int moved, int ended, int blocked, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migration {MigrationId} of journey {JourneyId} could not move instance {InstanceId}")]
    private partial void LogMoveFailed(string journeyId, string migrationId, string instanceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migration {MigrationId} of journey {JourneyId} is run by another runner; this one stops")]
    private partial void LogTaken(string journeyId, string migrationId);
}
