using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage;

/// <summary>The order every store lists instances in: oldest first, then by id, so results are stable.</summary>
internal static class InstanceOrder
{
    /// <summary>Sorts instances.</summary>
    /// <param name="instances">The instances.</param>
    /// <returns>A sorted copy.</returns>
    public static IReadOnlyList<InstanceRecord> Sort(IEnumerable<InstanceRecord> instances) =>
        [.. instances.OrderBy(i => i.State.StartedAt).ThenBy(i => i.InstanceId, StringComparer.Ordinal)];

    /// <summary>Sorts directory entries the same way.</summary>
    /// <param name="locations">The locations.</param>
    /// <returns>A sorted copy.</returns>
    public static IReadOnlyList<InstanceLocation> Sort(IEnumerable<InstanceLocation> locations) =>
        [.. locations.OrderBy(l => l.CreatedTime).ThenBy(l => l.InstanceId, StringComparer.Ordinal)];
}
