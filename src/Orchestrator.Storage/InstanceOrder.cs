using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage;

/// <summary>The order every store lists instances in: oldest first, then by id, so results are stable.</summary>
internal static class InstanceOrder
{
    /// <summary>Sorts instances.</summary>
    /// <param name="instances">The instances.</param>
    /// <returns>A sorted copy.</returns>
    public static IReadOnlyList<InstanceRecord> Sort(IEnumerable<InstanceRecord> instances)
    {
        // Sorted in place: a customer usually has one or two instances, and every load sorts them.
        var sorted = instances.ToList();
        if (sorted.Count > 1)
        {
            sorted.Sort(static (a, b) => a.State.StartedAt.CompareTo(b.State.StartedAt) is var byStart and not 0
                ? byStart
                : string.CompareOrdinal(a.InstanceId, b.InstanceId));
        }

        return sorted;
    }

    /// <summary>Sorts directory entries the same way.</summary>
    /// <param name="locations">The locations.</param>
    /// <returns>A sorted copy.</returns>
    public static IReadOnlyList<InstanceLocation> Sort(IEnumerable<InstanceLocation> locations) =>
        [.. locations.OrderBy(l => l.CreatedTime).ThenBy(l => l.InstanceId, StringComparer.Ordinal)];
}
