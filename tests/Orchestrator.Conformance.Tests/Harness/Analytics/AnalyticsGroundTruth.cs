using System.Globalization;
using System.Text.Json;
using Orchestrator.Conformance.Tests.Harness.Api;

namespace Orchestrator.Conformance.Tests.Harness.Analytics;

/// <summary>
/// The analytics recounted from what the runtime recorded (every customer's timeline: decisions and actions), to
/// compare with the figures the API serves from its buckets: starts, step entries, exits by edge, ends by step and
/// outcome, outcomes, and actions sent by channel, per journey.
/// </summary>
public static class AnalyticsGroundTruth
{
    /// <summary>A window wide enough to hold every scenario's clock.</summary>
    public const string AllTime = "from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z";

    /// <summary>Recounts from timelines.</summary>
    /// <param name="api">The host.</param>
    /// <param name="customerIds">Every customer that touched the journeys.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>Counts by journey, then counter name.</returns>
    public static async Task<Dictionary<string, SortedDictionary<string, long>>> RecountAsync(
        OrchestratorApi api, IEnumerable<string> customerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var counts = new Dictionary<string, SortedDictionary<string, long>>(StringComparer.Ordinal);
        foreach (var customerId in customerIds.Distinct(StringComparer.Ordinal))
        {
            foreach (var entry in await api.GetTimelineAsync(customerId, cancellationToken))
            {
                foreach (var item in entry.Decisions ?? [])
                {
                    var journey = For(counts, item.JourneyId);
                    var d = item.Decision;
                    switch (d.Kind)
                    {
                        case "started":
                            Add(journey, "started");
                            break;
                        case "stepEntered":
                            Add(journey, $"step:{d.Step}:entered");
                            break;
                        case "eventMatched":
                            Add(journey, $"step:{d.Step}:left:event:{d.Detail}");
                            break;
                        case "timedOut":
                            Add(journey, $"step:{d.Step}:left:onTimeout");
                            break;
                        case "branchTaken":
                            Add(journey, $"step:{d.Step}:left:{d.Detail}");
                            break;
                        case "splitAssigned":
                            Add(journey, $"step:{d.Step}:left:arm:{d.Detail}");
                            break;
                        case "actionRequested" or "varsSet" or "delayElapsed":
                            Add(journey, $"step:{d.Step}:left:next");
                            break;
                        case "completed":
                            Add(journey, $"ended:{d.Detail}");
                            if (d.Step is not null)
                            {
                                Add(journey, $"step:{d.Step}:ended:{d.Detail}");
                            }

                            break;
                    }
                }

                foreach (var action in entry.Actions ?? [])
                {
                    Add(For(counts, action.JourneyId), $"sent:{action.Channel}");
                }
            }
        }

        return counts;
    }

    /// <summary>Reads a journey's figures over all time from the API, as counter names.</summary>
    /// <param name="api">The host.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Counts by counter name (the same names as <see cref="RecountAsync"/>).</returns>
    public static async Task<SortedDictionary<string, long>> ReadAsync(OrchestratorApi api, string journeyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        using var document = await ReadDocumentAsync(api, journeyId, AllTime, cancellationToken);
        var report = document.RootElement.GetProperty("report");
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var totals = report.GetProperty("totals");
        Add(counts, "started", totals.GetProperty("started").GetInt64());
        foreach (var outcome in totals.GetProperty("ended").EnumerateObject())
        {
            Add(counts, $"ended:{outcome.Name}", outcome.Value.GetInt64());
        }

        foreach (var channel in totals.GetProperty("sent").EnumerateObject())
        {
            Add(counts, $"sent:{channel.Name}", channel.Value.GetInt64());
        }

        foreach (var step in report.GetProperty("steps").EnumerateArray())
        {
            var id = step.GetProperty("step").GetString();
            Add(counts, $"step:{id}:entered", step.GetProperty("entered").GetInt64());
            foreach (var edge in step.GetProperty("left").EnumerateObject())
            {
                Add(counts, $"step:{id}:left:{edge.Name}", edge.Value.GetInt64());
            }

            foreach (var outcome in step.GetProperty("ended").EnumerateObject())
            {
                Add(counts, $"step:{id}:ended:{outcome.Name}", outcome.Value.GetInt64());
            }
        }

        return counts;
    }

    /// <summary>Reads <c>GET /api/journeys/{id}/analytics</c>.</summary>
    /// <param name="api">The host.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="query">The query string.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document.</returns>
    public static async Task<JsonDocument> ReadDocumentAsync(OrchestratorApi api, string journeyId, string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var path = $"api/journeys/{Uri.EscapeDataString(journeyId)}/analytics?{query}";
        using var response = await api.Http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body);
    }

    /// <summary>The differences between the recount and the figures served.</summary>
    /// <param name="journeyId">The journey, for the messages.</param>
    /// <param name="expected">The recount.</param>
    /// <param name="actual">The figures.</param>
    /// <returns>One line per counter that differs.</returns>
    public static IReadOnlyList<string> Compare(string journeyId, IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        return [.. expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{journeyId} {k}: recounted {expected.GetValueOrDefault(k)}, served {actual.GetValueOrDefault(k)}"))];
    }

    /// <summary>Waits until every journey's served figures equal the recount, or the deadline passes.</summary>
    /// <param name="api">The host.</param>
    /// <param name="customerIds">Every customer that touched the journeys.</param>
    /// <param name="deadline">How long the figures may lag.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The differences left at the deadline (none when they matched), and the number of counters compared.</returns>
    public static async Task<(IReadOnlyList<string> Problems, int Compared)> WaitForMatchAsync(
        OrchestratorApi api, IReadOnlyList<string> customerIds, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var recount = await RecountAsync(api, customerIds, cancellationToken);
        var compared = recount.Values.Sum(c => c.Count);
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var problems = new List<string>();
            foreach (var (journeyId, expected) in recount)
            {
                problems.AddRange(Compare(journeyId, expected, await ReadAsync(api, journeyId, cancellationToken)));
            }

            if (problems.Count == 0 || DateTime.UtcNow > until)
            {
                return (problems, compared);
            }

            await Task.Delay(Eventually.PollInterval * 10, cancellationToken);
        }
    }

    private static SortedDictionary<string, long> For(Dictionary<string, SortedDictionary<string, long>> counts, string journeyId)
    {
        if (!counts.TryGetValue(journeyId, out var journey))
        {
            journey = new SortedDictionary<string, long>(StringComparer.Ordinal);
            counts.Add(journeyId, journey);
        }

        return journey;
    }

    private static void Add(SortedDictionary<string, long> counts, string name, long value = 1)
    {
        if (value != 0)
        {
            counts[name] = counts.GetValueOrDefault(name) + value;
        }
    }
}
