using Microsoft.DurableTask.Client;
using Orchestrator.Application.Migrations;
using Orchestrator.Application.Ports;
using Orchestrator.Durable.Orchestration;

namespace Orchestrator.Durable.Operations;

/// <summary>
/// Moves an instance run by a Durable orchestration: reads what its customer's partition records of it, decides as
/// the standalone runtime does (skip, block, move, end), and raises a <see cref="MigrationOrder"/> to the orchestration,
/// which applies it with the pure engine, records it through its activity and continues as new on the new version.
/// </summary>
/// <remarks>
/// "Moved" here means told: the orchestration moves as soon as it takes its next input (at once when it waits). An
/// order raised twice (a migration repeated before the first order was applied) is applied once: the orchestration
/// ignores an order for a version it is no longer on.
/// </remarks>
/// <param name="client">The Durable client.</param>
/// <param name="customers">The customer store, whose records the orchestrations' activities keep.</param>
public sealed class DurableInstanceMover(DurableTaskClient client, ICustomerStore customers) : IInstanceMover
{
    /// <inheritdoc />
    public async Task<InstanceMove> MoveAsync(MigrationRecord migration, InstanceLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        ArgumentNullException.ThrowIfNull(location);
        var record = await customers.GetInstanceAsync(location.CustomerId, location.InstanceId, cancellationToken);
        if (record?.State.Version == migration.To)
        {
            return InstanceMove.AlreadyMoved;
        }

        if (record is null || !record.IsActive || record.State.Version != migration.From)
        {
            return InstanceMove.Gone;
        }

        var step = record.State.CurrentStep ?? string.Empty;
        MigrationOrder order;
        InstanceMove move;
        if (migration.Steps.TryGetValue(step, out var target))
        {
            order = new MigrationOrder(migration.Id, migration.From, migration.To, target, null, null);
            move = InstanceMove.Moved;
        }
        else if (migration.Unmapped is { } unmapped)
        {
            order = new MigrationOrder(migration.Id, migration.From, migration.To, null, unmapped.Outcome, unmapped.Reason);
            move = InstanceMove.Ended;
        }
        else
        {
            return InstanceMove.Blocked;
        }

        await client.RaiseEventAsync(location.InstanceId, JourneyOrchestrationNames.MigrateEvent, order, cancellationToken);
        return move;
    }
}
