using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Validation;

/// <summary>
/// Finds loops an instance could go round without ever waiting: cycles made only of steps that do not
/// wait (everything but <c>delay</c> and <c>waitFor</c>).
/// </summary>
/// <remarks>
/// Loops are grouped by strongly connected component, so a knot of overlapping loops is reported once
/// (with its shortest loop through its first step) instead of once per elementary cycle, whose number
/// can grow exponentially with the number of steps.
/// </remarks>
internal static class SpinCycleFinder
{
    /// <summary>Finds every spinning loop.</summary>
    /// <param name="steps">The steps, in document order; successors that are not among them are ignored.</param>
    /// <returns>One loop per knot, each starting and ending at its first step in document order.</returns>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyDictionary<string, JourneyStep> steps)
    {
        var edges = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (id, step) in steps)
        {
            if (!step.Waits)
            {
                edges[id] = [.. step.Successors.Where(s => steps.TryGetValue(s, out var next) && !next.Waits).Distinct()];
            }
        }

        var reverse = edges.Keys.ToDictionary(
            id => id,
            id => edges.Where(e => e.Value.Contains(id)).Select(e => e.Key).ToArray(),
            StringComparer.Ordinal);

        var loops = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in steps.Keys.Where(edges.ContainsKey))
        {
            if (seen.Contains(id))
            {
                continue;
            }

            var forward = ReachableFrom(id, edges);
            var knot = forward.Intersect(ReachableFrom(id, reverse)).Append(id).ToHashSet(StringComparer.Ordinal);
            seen.UnionWith(knot);
            if (forward.Contains(id))
            {
                loops.Add(ShortestLoop(id, edges, knot));
            }
        }

        return loops;
    }

    // Every node reachable from the given one by at least one edge, so it includes that node only on a loop.
    private static HashSet<string> ReachableFrom(string from, Dictionary<string, string[]> edges)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in edges[current])
            {
                if (reached.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return reached;
    }

    private static List<string> ShortestLoop(string start, Dictionary<string, string[]> edges, HashSet<string> knot)
    {
        // Breadth-first from the start, staying inside the knot, until an edge leads back to the start.
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in edges[current].Where(knot.Contains))
            {
                if (next == start)
                {
                    var loop = new List<string> { start };
                    for (var node = current; node != start; node = parent[node])
                    {
                        loop.Insert(1, node);
                    }

                    loop.Add(start);
                    return loop;
                }

                if (parent.TryAdd(next, current))
                {
                    queue.Enqueue(next);
                }
            }
        }

        // Not reached: the start is only searched from when a path leads back to it.
        return [start, start];
    }
}
