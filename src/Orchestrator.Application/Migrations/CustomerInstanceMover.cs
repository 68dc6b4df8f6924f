using Orchestrator.Application.Definitions;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Processing;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Migrations;

/// <summary>
/// Moves an instance kept in its customer's partition (the standalone runtime): one ordinary commit through
/// <see cref="CustomerProcessor"/>'s run loop, under the customer's lock and retried on a lost write race like any
/// touchpoint, recorded on the customer's timeline as kind <c>migrate</c>. The directory entry follows after the commit.
/// </summary>
/// <remarks>
/// The directory is written after the commit, not before as for a new instance: an entry that said the new version
/// too early would hide an instance that is still on the old one from a resumed migration. An entry left on the old
/// version by a crash is found again, and the instance, already moved, is skipped and its entry put right.
/// </remarks>
public sealed class CustomerInstanceMover : IInstanceMover
{
    /// <summary>The timeline kind of a migration's commit.</summary>
    public const string TimelineKind = "migrate";

    private readonly CustomerProcessor _processor;
    private readonly DefinitionCatalog _catalog;
    private readonly IInstanceDirectory _directory;
    private readonly ICustomerStore _customers;

    /// <summary>Creates the mover.</summary>
    /// <param name="processor">The run loop every change goes through.</param>
    /// <param name="catalog">Definitions, by version.</param>
    /// <param name="directory">Instance directory, whose entry follows the move.</param>
    /// <param name="customers">Customer store, to read an instance no longer running.</param>
    public CustomerInstanceMover(CustomerProcessor processor, DefinitionCatalog catalog, IInstanceDirectory directory, ICustomerStore customers)
    {
        _processor = processor;
        _catalog = catalog;
        _directory = directory;
        _customers = customers;
    }

    /// <inheritdoc />
    public async Task<InstanceMove> MoveAsync(MigrationRecord migration, InstanceLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        ArgumentNullException.ThrowIfNull(location);
        var from = await RequireAsync(migration.JourneyId, migration.From, cancellationToken);
        var to = await RequireAsync(migration.JourneyId, migration.To, cancellationToken);
        var move = InstanceMove.Gone;
        await _processor.RunAsync(new CustomerInput.Migrated(location.CustomerId, location.InstanceId), async (snapshot, now) =>
        {
            var record = snapshot.ActiveInstances.FirstOrDefault(i => i.InstanceId == location.InstanceId);
            if (record is null || record.State.Version != migration.From)
            {
                move = record?.State.Version == migration.To ? InstanceMove.AlreadyMoved : InstanceMove.Gone;
                return null;
            }

            var work = _processor.NewWork(snapshot, now);
            var step = record.State.CurrentStep ?? string.Empty;
            if (migration.Steps.TryGetValue(step, out var target))
            {
                work.Migrated(record, from, to, JourneyEngine.Migrate(from, to, record.State, target, now, await _processor.ContextAsync(to, work, cancellationToken)));
                work.Note($"{record.InstanceId}: moved by migration {migration.Id} from v{migration.From} step '{step}' to v{migration.To} step '{target}'");
                move = InstanceMove.Moved;
            }
            else if (migration.Unmapped is { } unmapped)
            {
                work.Advanced(record, from, JourneyEngine.End(from, record.State, unmapped.Outcome, unmapped.Reason, now));
                work.Note($"{record.InstanceId}: ended by migration {migration.Id}, as v{migration.To} has no step mapped from '{step}'");
                move = InstanceMove.Ended;
            }
            else
            {
                move = InstanceMove.Blocked;
                return null;
            }

            return work;
        }, cancellationToken);

        if (move == InstanceMove.Gone
            && await _customers.GetInstanceAsync(location.CustomerId, location.InstanceId, cancellationToken) is { } stored
            && stored.State.Version == migration.To)
        {
            // Moved, then ended on the new version before its directory entry followed.
            move = InstanceMove.AlreadyMoved;
        }

        if (move is InstanceMove.Moved or InstanceMove.AlreadyMoved && location.Version != migration.To)
        {
            await _directory.AddAsync(location with { Version = migration.To }, cancellationToken);
        }

        return move;
    }

    private async Task<JourneyDefinition> RequireAsync(string journeyId, int version, CancellationToken cancellationToken) =>
        await _catalog.GetAsync(journeyId, version, cancellationToken)
        ?? throw new InvalidOperationException($"Journey '{journeyId}' v{version} is not stored.");
}
