using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Orchestrator.Testing;

namespace Orchestrator.LoadTest;

/// <summary>
/// One measured run: Azurite and the real host started fresh, the load journey deployed, then the throughput run
/// (touchpoints/s, latency, storage round trips per touchpoint, Azurite's raw insert rate) and the memory series.
/// </summary>
internal static class LoadRun
{
    private static readonly TimeSpan ActionPollInterval = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan IdleSample = TimeSpan.FromSeconds(3);

    // Longer than the analytics' idle flush (30 s), so the last folded records' removal is counted.
    private static readonly TimeSpan AnalyticsSettle = TimeSpan.FromSeconds(36);
    private const string Batch = "table.batch $batch";
    private static readonly TimeSpan ActionDeadline = TimeSpan.FromSeconds(30);
    private const int WarmUpCustomers = 200;

    public static async Task<int> RunAsync(LoadSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(settings.TimeLimit);
        var token = limit.Token;
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average before: {LoadAverage()}");
        output.WriteLine($"settings: {settings}");
        var watch = Stopwatch.StartNew();
        await using var azurite = settings.InMemory ? null : await AzuriteInstance.StartAsync(token);
        await using var host = await LoadHost.StartAsync(azurite?.ConnectionString, settings, token);
        var pinned = settings.HostCpus is null ? "" : $", pinned to CPU(s) {settings.HostCpus}";
        output.WriteLine($"{(azurite is null ? "Host with its state in memory" : "Azurite and host")} (pid {host.ProcessId}{pinned}, {LoadHost.AssemblyPath}) up in {watch.Elapsed.TotalSeconds:0.0} s");
        await host.DeployAsync(LoadJourney.Id, LoadJourney.Json, token);
        var failed = false;
        try
        {
            if (settings.Touchpoints > 0)
            {
                failed |= !await ThroughputAsync(settings, azurite, host, output, token);
                if (azurite is not null)
                {
                    await RawWritesAsync(settings, azurite, output, token);
                }
            }

            if (settings.Waiting > 0)
            {
                await MemoryAsync(settings, host, output, token);
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            output.WriteLine($"stopped at the time limit ({settings.TimeLimit.TotalSeconds:0} s); what was measured is above");
            failed = true;
        }

        output.WriteLine($"load average after: {LoadAverage()}; {watch.Elapsed.TotalSeconds:0.0} s in all");
        return failed ? 1 : 0;
    }

    private static async Task<bool> ThroughputAsync(LoadSettings settings, AzuriteInstance? azurite, LoadHost host, TextWriter output, CancellationToken token)
    {
        var customers = Math.Max(1, settings.Customers);
        var cycles = Math.Max(1, settings.Touchpoints / (3 * customers));
        output.WriteLine();
        output.WriteLine($"== throughput: {cycles} cycle(s) x {customers} customers x 3 touchpoints (start; advance + 1 action; advance to end), concurrency {settings.Concurrency}");

        await WarmUpAsync(settings, host, output, token);

        // Background loops (timer poll, touchpoint queue poll) cost requests whatever the load: measured idle, subtracted.
        var idleBefore = await host.DiagnosticsAsync(collect: false, token);
        await Task.Delay(IdleSample, token);
        var idleAfter = await host.DiagnosticsAsync(collect: false, token);
        var idlePerSecond = Delta(idleBefore.Requests, idleAfter.Requests).ToDictionary(p => p.Key, p => p.Value / IdleSample.TotalSeconds, StringComparer.Ordinal);
        output.WriteLine($"idle background requests/s: {Describe(idlePerSecond, v => v.ToString("0.0", CultureInfo.InvariantCulture))}");

        // In memory the actions stay in the host: they are counted, not timed.
        var watcher = azurite is null ? null : new ActionWatcher(new QueueClient(azurite.ConnectionString, "actions", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }));
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(token);
        var watching = watcher?.RunAsync(stopWatching.Token) ?? Task.CompletedTask;
        var actionsBefore = (await host.DiagnosticsAsync(collect: false, token)).ActionsSent ?? 0;

        var phases = new Dictionary<string, PhaseTotals>(StringComparer.Ordinal);
        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var accepted = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var failures = 0;
        using var azuriteProcess = ChildProcesses.Azurite();
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            foreach (var (phase, type) in settings.Batch > 0 ? [("batch", "")] : new[] { ("start", LoadJourney.Started), ("advance+action", LoadJourney.Step), ("advance+end", LoadJourney.Step) })
            {
                var before = await host.DiagnosticsAsync(collect: false, token);
                var hostCpu = host.CpuTime;
                var toolCpu = Environment.CpuUsage.TotalTime;
                var azuriteCpu = ChildProcesses.CpuTime(azuriteProcess);
                var started = Stopwatch.GetTimestamp();
                if (settings.Batch > 0)
                {
                    failures += await PostBatchesAsync(settings, host, cycle, customers, sent, accepted, token);
                }
                else
                {
                    await Parallel.ForEachAsync(
                        Enumerable.Range(0, customers),
                        new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = token },
                        async (i, ct) =>
                        {
                            var id = $"{cycle}-{phase}-{i}";
                            var at = Stopwatch.GetTimestamp();
                            sent[id] = at;
                            if (await host.PostAsync(LoadJourney.CloudEvent(id, type, $"customer-{i:D6}"), ct))
                            {
                                accepted[id] = Stopwatch.GetTimestamp();
                            }
                            else
                            {
                                Interlocked.Increment(ref failures);
                            }
                        });
                }

                var elapsed = Stopwatch.GetElapsedTime(started);
                var after = await host.DiagnosticsAsync(collect: false, token);
                var totals = phases.TryGetValue(phase, out var known) ? known : phases[phase] = new PhaseTotals();
                totals.Add(settings.Batch > 0 ? 3 * customers : customers, elapsed, Delta(before.Requests, after.Requests), host.CpuTime - hostCpu, Environment.CpuUsage.TotalTime - toolCpu, ChildProcesses.CpuTime(azuriteProcess) - azuriteCpu);
                totals.AddAllocated(after.TotalAllocatedBytes - before.TotalAllocatedBytes);
            }
        }

        var expectedActions = accepted.Keys.Where(k => k.Contains("-advance+action-", StringComparison.Ordinal)).ToList();
        var deadline = Stopwatch.StartNew();
        var actionsSent = 0;
        while (deadline.Elapsed < ActionDeadline)
        {
            actionsSent = watcher is null ? (await host.DiagnosticsAsync(collect: false, token)).ActionsSent.GetValueOrDefault() - actionsBefore : 0;
            if (watcher is null ? actionsSent >= expectedActions.Count : expectedActions.All(watcher.SeenByTouchpoint.ContainsKey))
            {
                break;
            }

            await Task.Delay(ActionPollInterval, token);
        }

        await stopWatching.CancelAsync();
        await watching;

        var total = phases.Values.Sum(p => p.Touchpoints);
        var seconds = phases.Values.Sum(p => p.Elapsed.TotalSeconds);
        output.WriteLine($"touchpoints: {total} in {seconds:0.0} s = {total / seconds:0.0} touchpoints/s ({failures} not accepted)");
        foreach (var (name, phase) in phases)
        {
            var requests = phase.Requests
                .Select(p => (p.Key, Value: Math.Max(0, p.Value - (idlePerSecond.GetValueOrDefault(p.Key) * phase.Elapsed.TotalSeconds))))
                .Where(p => p.Value >= 0.5)
                .ToDictionary(p => p.Key, p => p.Value / phase.Touchpoints, StringComparer.Ordinal);
            output.WriteLine($"  {name,-15} {phase.Touchpoints / phase.Elapsed.TotalSeconds,7:0.0} touchpoints/s; CPU ms per touchpoint: Azurite {phase.AzuriteCpu.TotalMilliseconds / phase.Touchpoints:0.00}, host {phase.HostCpu.TotalMilliseconds / phase.Touchpoints:0.00}, this tool {phase.ToolCpu.TotalMilliseconds / phase.Touchpoints:0.00}; host allocations {phase.AllocatedBytes / 1024.0 / phase.Touchpoints:0.0} KB per touchpoint; storage requests per touchpoint {requests.Values.Sum():0.00}: {Describe(requests, v => v.ToString("0.00", CultureInfo.InvariantCulture))}");
        }

        output.WriteLine(CpuBounds(phases, total, seconds));
        if (watcher is null)
        {
            var missingInMemory = Math.Max(0, expectedActions.Count - actionsSent);
            output.WriteLine($"actions: {expectedActions.Count} expected, {actionsSent} sent by the host (kept in its memory, not timed), {missingInMemory} missing");
            await AnalyticsCostAsync(settings, host, phases, total, output, token);
            return failures == 0 && missingInMemory == 0;
        }

        output.WriteLine($"POST -> 202:                {new Percentiles(accepted.Select(p => Milliseconds(sent[p.Key], p.Value)))}");
        var seen = expectedActions.Where(watcher.SeenByTouchpoint.ContainsKey).ToList();
        var fromAccepted = seen.Select(k => Milliseconds(accepted[k], watcher.SeenByTouchpoint[k])).ToList();
        output.WriteLine($"202 -> action in queue:     {new Percentiles(fromAccepted.Select(v => Math.Max(0, v)))} ({fromAccepted.Count(v => v < 0)} seen before the 202 arrived, counted as 0)");
        output.WriteLine($"POST -> action in queue:    {new Percentiles(seen.Select(k => Milliseconds(sent[k], watcher.SeenByTouchpoint[k])))}");
        var missing = expectedActions.Count - seen.Count;
        output.WriteLine($"actions: {expectedActions.Count} expected, {watcher.Distinct} distinct idempotency keys read, {missing} missing, {watcher.Duplicates} duplicate copies");
        await AnalyticsCostAsync(settings, host, phases, total, output, token);
        return failures == 0 && missing == 0;
    }

    // Each customer's whole cycle (start, advance + action, advance + end) in one batch POST, as many customers a batch
    // as it holds; the touchpoints keep the ids of the per-phase run, so the action each causes is watched the same way.
    private static async Task<int> PostBatchesAsync(
        LoadSettings settings, LoadHost host, int cycle, int customers, ConcurrentDictionary<string, long> sent, ConcurrentDictionary<string, long> accepted, CancellationToken token)
    {
        var failures = 0;
        var perBatch = Math.Max(1, settings.Batch / 3);
        var batches = Enumerable.Range(0, customers).Chunk(perBatch);
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = token },
            async (batch, ct) =>
            {
                var events = batch
                    .SelectMany(i => new[] { ("start", LoadJourney.Started), ("advance+action", LoadJourney.Step), ("advance+end", LoadJourney.Step) }
                        .Select(p => (Id: $"{cycle}-{p.Item1}-{i}", Json: LoadJourney.CloudEvent($"{cycle}-{p.Item1}-{i}", p.Item2, $"customer-{i:D6}"))))
                    .ToArray();
                var at = Stopwatch.GetTimestamp();
                foreach (var (id, _) in events)
                {
                    sent[id] = at;
                }

                if (await host.PostBatchAsync(events.Select(e => e.Json), ct))
                {
                    var done = Stopwatch.GetTimestamp();
                    foreach (var (id, _) in events)
                    {
                        accepted[id] = done;
                    }
                }
                else
                {
                    Interlocked.Add(ref failures, events.Length);
                }
            });
        return failures;
    }

    /// <summary>
    /// What each process's CPU per touchpoint allows on this machine's cores if it ran alone, against the rate measured:
    /// when the processes together need all the cores, this says which one stops the run.
    /// </summary>
    private static string CpuBounds(Dictionary<string, PhaseTotals> phases, long touchpoints, double seconds)
    {
        var cores = Environment.ProcessorCount;
        var host = phases.Values.Sum(p => p.HostCpu.TotalMilliseconds) / touchpoints;
        var azurite = phases.Values.Sum(p => p.AzuriteCpu.TotalMilliseconds) / touchpoints;
        var tool = phases.Values.Sum(p => p.ToolCpu.TotalMilliseconds) / touchpoints;
        string Bound(string name, double ms) => ms <= 0 ? "" : $"{name} {ms:0.00} ms -> {cores * 1000 / ms:0}/s; ";
        return $"CPU bounds on {cores} cores (touchpoints/s each process would allow alone): {Bound("host", host)}{Bound("Azurite", azurite)}{Bound("this tool", tool)}"
            + $"all three {host + azurite + tool:0.00} ms -> {cores * 1000 / (host + azurite + tool):0}/s; measured {touchpoints / seconds:0}/s";
    }

    /// <summary>
    /// One unmeasured cycle on customers of its own, so the phases measure the host at work rather than its just-in-time
    /// compilation and first connections (a fresh host spends most of its first seconds compiling). Its actions are
    /// skipped by the watcher.
    /// </summary>
    private static async Task WarmUpAsync(LoadSettings settings, LoadHost host, TextWriter output, CancellationToken token)
    {
        var customers = Math.Min(WarmUpCustomers, Math.Max(1, settings.Customers));
        var hostCpu = host.CpuTime;
        var started = Stopwatch.GetTimestamp();
        var refused = 0;
        foreach (var (phase, type) in new[] { ("start", LoadJourney.Started), ("advance+action", LoadJourney.Step), ("advance+end", LoadJourney.Step) })
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, customers),
                new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = token },
                async (i, ct) =>
                {
                    if (!await host.PostAsync(LoadJourney.CloudEvent($"{LoadJourney.WarmUpPrefix}{phase}-{i}", type, $"{LoadJourney.WarmUpPrefix}{i:D6}"), ct))
                    {
                        Interlocked.Increment(ref refused);
                    }
                });
        }

        output.WriteLine($"warm-up (not measured): {3 * customers} touchpoints in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s, host CPU {(host.CpuTime - hostCpu).TotalMilliseconds / (3 * customers):0.00} ms per touchpoint, {refused} refused");
    }

    /// <summary>
    /// What the analytics cost beyond the touchpoint path: the requests on the analytics table during the phases, plus
    /// those of the folds after them and of the idle flush that removes the last folded records from the outboxes (waited
    /// for). The phases' own lines show the touchpoint path: with analytics on, no request kind is added there.
    /// </summary>
    private static async Task AnalyticsCostAsync(LoadSettings settings, LoadHost host, Dictionary<string, PhaseTotals> phases, long touchpoints, TextWriter output, CancellationToken token)
    {
        if (!settings.Analytics)
        {
            output.WriteLine("analytics: off (--no-analytics)");
            return;
        }

        if (settings.InMemory)
        {
            output.WriteLine("analytics: on, in memory (no storage requests to count)");
            return;
        }

        var before = await host.DiagnosticsAsync(collect: false, token);
        await Task.Delay(AnalyticsSettle, token);
        var after = await host.DiagnosticsAsync(collect: false, token);
        // A transaction is counted as "table.batch $batch" whatever its table: every touchpoint commits exactly one, so
        // the batches beyond one per touchpoint are the folds'; point reads of buckets are "table.read analytics".
        var requests = phases.Values.SelectMany(p => p.Requests).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);
        var during = requests.Where(p => p.Key.EndsWith(" analytics", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => (double)p.Value, StringComparer.Ordinal);
        during["table.batch (folds)"] = Math.Max(0, requests.GetValueOrDefault(Batch) - touchpoints);
        var settle = Delta(before.Requests, after.Requests);
        // Idle, the host makes timer and queue polls only: every other request after the phases is the analytics'
        // (folds of the last records, and the idle flush that removes them from the outboxes).
        var afterwards = settle.Where(p => p.Key.EndsWith(" analytics", StringComparison.Ordinal) || p.Key == Batch).Sum(p => p.Value);
        var totalRequests = during.Values.Sum() + afterwards;
        output.WriteLine(
            $"analytics: {totalRequests:0} storage requests off the touchpoint path for {touchpoints} touchpoints = {totalRequests / Math.Max(1, touchpoints):0.000} per touchpoint "
            + $"(during the phases: {Describe(during.ToDictionary(p => p.Key, p => p.Value / Math.Max(1, touchpoints)), v => v.ToString("0.000", CultureInfo.InvariantCulture))}; "
            + $"after them, folds and the idle flush of folded records: {afterwards}); on the touchpoint path: none (the record rides in the customer's transaction)");
    }

    /// <summary>Azurite's own single-entity insert rate, at the same concurrency, in the same run.</summary>
    private static async Task RawWritesAsync(LoadSettings settings, AzuriteInstance azurite, TextWriter output, CancellationToken token)
    {
        var table = new TableClient(azurite.ConnectionString, "rawwrites");
        await table.CreateIfNotExistsAsync(token);
        var count = Math.Max(1000, settings.Touchpoints);
        var payload = new string('x', 400);
        using var azuriteProcess = ChildProcesses.Azurite();
        var azuriteCpu = ChildProcesses.CpuTime(azuriteProcess);
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = token },
            async (i, ct) => await table.AddEntityAsync(new TableEntity($"p{i:D7}", "r") { ["Payload"] = payload, ["Sequence"] = (long)i }, ct));
        var elapsed = Stopwatch.GetElapsedTime(started);
        output.WriteLine();
        output.WriteLine($"== Azurite raw single-entity inserts: {count} in {elapsed.TotalSeconds:0.0} s = {count / elapsed.TotalSeconds:0.0} inserts/s at concurrency {settings.Concurrency}; 40 % of that is {0.4 * count / elapsed.TotalSeconds:0.0}/s; Azurite CPU {(ChildProcesses.CpuTime(azuriteProcess) - azuriteCpu).TotalMilliseconds / count:0.00} ms per insert");
    }

    /// <summary>Starts waiting instances in batches and samples the host's memory after each, collected first.</summary>
    private static async Task MemoryAsync(LoadSettings settings, LoadHost host, TextWriter output, CancellationToken token)
    {
        var batch = Math.Max(1000, settings.Waiting / 10);
        output.WriteLine();
        output.WriteLine($"== memory: {settings.Waiting} waiting instances in batches of {batch}, concurrency {settings.Concurrency}; heap measured after a forced full collection");
        output.WriteLine("waiting  elapsed_s  starts/s  working_set_MiB  gc_heap_MiB  cpu_ms/start: azurite  host");
        using var azuriteProcess = ChildProcesses.Azurite();
        var watch = Stopwatch.StartNew();
        var sample = await host.DiagnosticsAsync(collect: true, token);
        output.WriteLine($"{0,7}  {0,9:0.0}  {"",8}  {sample.WorkingSetBytes / 1048576.0,15:0.0}  {sample.GcHeapBytes / 1048576.0,11:0.0}");
        var failures = 0;
        for (var done = 0; done < settings.Waiting;)
        {
            var size = Math.Min(batch, settings.Waiting - done);
            var first = done;
            var azuriteCpu = ChildProcesses.CpuTime(azuriteProcess);
            var hostCpu = host.CpuTime;
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(
                Enumerable.Range(first, size),
                new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = token },
                async (i, ct) =>
                {
                    if (!await host.PostAsync(LoadJourney.CloudEvent($"w-{i}", LoadJourney.Started, $"waiting-{i:D7}"), ct))
                    {
                        Interlocked.Increment(ref failures);
                    }
                });
            var rate = size / Stopwatch.GetElapsedTime(started).TotalSeconds;
            done += size;
            sample = await host.DiagnosticsAsync(collect: true, token);
            var azuriteMs = (ChildProcesses.CpuTime(azuriteProcess) - azuriteCpu).TotalMilliseconds / size;
            var hostMs = (host.CpuTime - hostCpu).TotalMilliseconds / size;
            output.WriteLine($"{done,7}  {watch.Elapsed.TotalSeconds,9:0.0}  {rate,8:0.0}  {sample.WorkingSetBytes / 1048576.0,15:0.0}  {sample.GcHeapBytes / 1048576.0,11:0.0}  {azuriteMs,20:0.00}  {hostMs,4:0.00}");
        }

        output.WriteLine($"{failures} starts not accepted");
    }

    private static Dictionary<string, long> Delta(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.Select(p => (p.Key, Value: p.Value - before.GetValueOrDefault(p.Key))).Where(p => p.Value != 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static string Describe(Dictionary<string, double> values, Func<double, string> format) =>
        values.Count == 0 ? "none" : string.Join(", ", values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {format(p.Value)}"));

    private static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private sealed class PhaseTotals
    {
        public int Touchpoints { get; private set; }

        public TimeSpan Elapsed { get; private set; }

        public TimeSpan HostCpu { get; private set; }

        public TimeSpan ToolCpu { get; private set; }

        public TimeSpan AzuriteCpu { get; private set; }

        public long AllocatedBytes { get; private set; }

        public Dictionary<string, long> Requests { get; } = new(StringComparer.Ordinal);

        // Includes what the diagnostics requests themselves allocate: two small JSON answers per phase.
        public void AddAllocated(long bytes) => AllocatedBytes += bytes;

        public void Add(int touchpoints, TimeSpan elapsed, IReadOnlyDictionary<string, long> requests, TimeSpan hostCpu, TimeSpan toolCpu, TimeSpan azuriteCpu)
        {
            Touchpoints += touchpoints;
            Elapsed += elapsed;
            HostCpu += hostCpu;
            ToolCpu += toolCpu;
            AzuriteCpu += azuriteCpu;
            foreach (var (kind, count) in requests)
            {
                Requests[kind] = Requests.GetValueOrDefault(kind) + count;
            }
        }
    }
}
