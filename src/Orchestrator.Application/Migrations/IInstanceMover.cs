using Orchestrator.Application.Ports;

namespace Orchestrator.Application.Migrations;

/// <summary>
/// Moves one instance for a migration, where its runtime keeps it: the standalone runtime commits the move in the
/// customer's partition (<see cref="CustomerInstanceMover"/>); the Functions app tells the instance's orchestration.
/// </summary>
public interface IInstanceMover
{
    /// <summary>Moves (or ends, or leaves) one instance of the migration's old version. Idempotent.</summary>
    /// <param name="migration">The migration.</param>
    /// <param name="location">The instance.</param>
    /// <param name="cancellationToken">Cancels the move.</param>
    /// <returns>What was done.</returns>
    Task<InstanceMove> MoveAsync(MigrationRecord migration, InstanceLocation location, CancellationToken cancellationToken);
}
