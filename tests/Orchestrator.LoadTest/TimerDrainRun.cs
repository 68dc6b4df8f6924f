using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues;
using Orchestrator.Testing;

namespace Orchestrator.LoadTest;

/// <summary>
/// The overdue-timer drain after a restart: instances started on one host wait until a moment that passes while the
/// host is down; a second host then finds them all overdue. Measures how fast it wakes them (each wake-up sends one
/// action), whether the oldest go first, and how touchpoints posted during the drain fare.
/// </summary>
internal static class TimerDrainRun
{
    private const string JourneyId = "timer-drain";
    private const string Started = "drain.started";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    // Each instance waits until its own trigger's wakeAt, then sends one action naming its touchpoint.
    private const string Journey = """
        {
          "id": "timer-drain",
          "name": "Timer drain (load tool)",
          "entry": { "event": "drain.started" },
          "start": "wait",
          "steps": {
            "wait": { "type": "delay", "until": "trigger.data.wakeAt", "next": "act" },
            "act": { "type": "send", "channel": "push", "action": "drain-action", "data": { "touchpoint": "{{trigger.data.touchpoint}}" }, "next": "done" },
            "done": { "type": "end", "outcome": "success" }
          }
        }
        """;

    public static async Task<bool> RunAsync(LoadSettings settings, TextWriter output, CancellationToken token)
    {
        var requested = settings.OverdueTimers;
        output.WriteLine();
        output.WriteLine($"== overdue timers: {requested} instances wake while the host is down; a restarted host drains them, touchpoints posted beside at concurrency 2");
        await using var azurite = await AzuriteInstance.StartAsync(token);
        var first = await LoadHost.StartAsync(azurite.ConnectionString, settings, token);
        var wakeAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        try
        {
            await first.DeployAsync(JourneyId, Journey, token);

            // Every timer falls due one millisecond after the one posted before it, so "oldest first" has one right
            // answer. Posting stops two seconds before the first is due, however busy the machine: the timers posted
            // by then are the backlog.
            var due = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10) + TimeSpan.FromMilliseconds(50.0 * requested / settings.Concurrency);
            var wanted = Enumerable.Range(0, requested).Select(i => KeyValuePair.Create($"drain-{i:D6}", due.AddMilliseconds(i))).ToList();
            using var postingWindow = CancellationTokenSource.CreateLinkedTokenSource(token);
            postingWindow.CancelAfter(due - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(2));
            var posting = Stopwatch.StartNew();
            var accepted = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            try
            {
                await Parallel.ForEachAsync(
                    wanted,
                    new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = postingWindow.Token },
                    async (pair, ct) =>
                    {
                        if (await first.PostAsync(CloudEvent(pair.Key, $"drain-customer-{pair.Key}", pair.Value), ct))
                        {
                            accepted[pair.Key] = pair.Value;
                        }
                    });
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                output.WriteLine($"posting stopped before the first timer falls due: {accepted.Count} of {requested} posted");
            }

            foreach (var pair in accepted)
            {
                wakeAt[pair.Key] = pair.Value;
            }

            output.WriteLine($"posted {wakeAt.Count} in {posting.Elapsed.TotalSeconds:0.0} s; the first falls due {(due - DateTimeOffset.UtcNow).TotalSeconds:0.0} s from now");
        }
        finally
        {
            // kill -9, as an outage would.
            await first.DisposeAsync();
        }

        var count = wakeAt.Count;
        if (count == 0)
        {
            output.WriteLine("no touchpoint was accepted: nothing to measure");
            return false;
        }

        var lastDue = wakeAt.Values.Max();
        var downFor = lastDue - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (downFor > TimeSpan.Zero)
        {
            await Task.Delay(downFor, token);
        }

        var queue = new QueueClient(azurite.ConnectionString, "actions", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var watcher = new ActionWatcher(queue);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(token);
        var watching = watcher.RunAsync(stopWatching.Token);
        var restart = Stopwatch.StartNew();
        await using var second = await LoadHost.StartAsync(azurite.ConnectionString, settings, token);
        var upAfter = restart.Elapsed;
        var drainStart = Stopwatch.GetTimestamp();
        var cpuBefore = second.CpuTime;

        // Touchpoints during the drain: new customers entering the same journey, whose timers are far off.
        using var stopPosting = CancellationTokenSource.CreateLinkedTokenSource(token);
        var latencies = new ConcurrentBag<double>();
        var posts = Task.WhenAll(Enumerable.Range(0, 2).Select(lane => Task.Run(async () =>
        {
            for (var n = 0; !stopPosting.IsCancellationRequested; n++)
            {
                var id = $"fresh-{lane}-{n:D6}";
                var at = Stopwatch.GetTimestamp();
                try
                {
                    if (await second.PostAsync(CloudEvent(id, $"fresh-customer-{id}", DateTimeOffset.UtcNow.AddDays(1)), stopPosting.Token))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                    }
                }
                catch (OperationCanceledException) when (stopPosting.IsCancellationRequested)
                {
                    return;
                }
            }
        })));

        var ok = true;
        while (wakeAt.Keys.Any(k => !watcher.SeenByTouchpoint.ContainsKey(k)))
        {
            if (Stopwatch.GetElapsedTime(drainStart) > settings.TimeLimit)
            {
                ok = false;
                break;
            }

            await Task.Delay(PollInterval, token);
        }

        var drained = Stopwatch.GetElapsedTime(drainStart);
        var cpu = second.CpuTime - cpuBefore;
        await stopPosting.CancelAsync();
        await posts;
        await stopWatching.CancelAsync();
        await watching;

        var seen = wakeAt.Keys.Where(watcher.SeenByTouchpoint.ContainsKey).OrderBy(k => watcher.SeenByTouchpoint[k]).ToList();
        var olderHalf = wakeAt.OrderBy(p => p.Value).Take(count / 2).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var firstHalfOldest = seen.Take(count / 2).Count(olderHalf.Contains);
        output.WriteLine($"restarted host up in {upAfter.TotalSeconds:0.0} s; {seen.Count} of {count} overdue timers fired in {drained.TotalSeconds:0.0} s after it was up: "
            + $"{seen.Count / drained.TotalSeconds:0} wake-ups/s, host CPU {cpu.TotalMilliseconds / Math.Max(1, seen.Count):0.00} ms per wake-up (touchpoints beside included)");
        output.WriteLine($"oldest first: {(count / 2 == 0 ? 100 : 100.0 * firstHalfOldest / (count / 2)):0}% of the first half to fire were the older half (100% = strictly oldest first, 50% = no order)");
        output.WriteLine($"touchpoints during the drain: {latencies.Count} accepted ({latencies.Count / drained.TotalSeconds:0}/s at concurrency 2), latency {new Percentiles(latencies)}");
        if (!ok)
        {
            output.WriteLine($"the drain did not finish within {settings.TimeLimit.TotalSeconds:0} s");
        }

        return ok;
    }

    private static string CloudEvent(string id, string customerId, DateTimeOffset wakeAt) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["specversion"] = "1.0",
        ["id"] = id,
        ["source"] = "load-test",
        ["type"] = Started,
        ["subject"] = customerId,
        ["datacontenttype"] = "application/json",
        ["data"] = new Dictionary<string, string>
        {
            ["touchpoint"] = id,
            ["wakeAt"] = wakeAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        },
    });
}
