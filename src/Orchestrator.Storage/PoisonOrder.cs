using Orchestrator.Application.Ports;

namespace Orchestrator.Storage;

/// <summary>The order every poison store lists entries in.</summary>
internal static class PoisonOrder
{
    /// <summary>Newest first, then by id so equal times list stably.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="max">Most entries.</param>
    /// <returns>The first <paramref name="max"/> entries.</returns>
    public static IReadOnlyList<PoisonEntry> NewestFirst(IEnumerable<PoisonEntry> entries, int max) =>
        [.. entries.OrderByDescending(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).Take(max)];
}
