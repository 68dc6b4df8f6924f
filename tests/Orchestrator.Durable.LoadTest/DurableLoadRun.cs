using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Orchestrator.Durable.Ingress;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Testing;
using Orchestrator.Durable.Testing.Hosting;
using Orchestrator.Durable.Testing.Journeys;
using Orchestrator.Durable.Testing.Storage;
using Orchestrator.Journeys.Engine;
using JourneyTableRequests = Orchestrator.Storage.Diagnostics.StorageRequestCounter;

namespace Orchestrator.Durable.LoadTest;

/// <summary>
/// Drives every customer through the measured journey phase by phase and prints each phase's cost per touchpoint:
/// Durable queue messages, history rows, table transactions and instance-table writes of the backend, and the journey
/// tables' transactions and requests; then the raise → action latency of the phase that sends.
/// </summary>
internal static class DurableLoadRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly TimeSpan PhaseDeadline = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(int customers, int concurrency, TextWriter output, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteInstance.StartAsync(cancellationToken);
        await using var app = await DurableJourneyApp.StartAsync(
            azurite.ConnectionString, new DurableJourneyAppOptions { Runtime = new DurableRuntimeHostOptions { CountStorageRequests = true } }, cancellationToken);
        await app.DeployAsync(MeasuredJourney.Json, cancellationToken);
        var ids = Enumerable.Range(1, customers).Select(i => $"load-{i:D5}").ToArray();
        var instances = ids.ToDictionary(c => c, c => InstanceIds.For(MeasuredJourney.Id, c, $"{c}-start"), StringComparer.Ordinal);

        output.WriteLine($"Durable route on Azurite: {customers} customers, concurrency {concurrency}, {Environment.ProcessorCount} cores");
        var costs = new List<PhaseCost>
        {
            await PhaseAsync(app, "start (no action)", customers, () => PostAllAsync(app, ids, MeasuredJourney.StartEvent, "start", concurrency, cancellationToken),
                () => WaitForStepAsync(app, instances.Values, "wait-advance", cancellationToken)),
            await PhaseAsync(app, "advance (no action)", customers, () => PostAllAsync(app, ids, MeasuredJourney.AdvanceEvent, "advance", concurrency, cancellationToken),
                () => WaitForStepAsync(app, instances.Values, "wait-act", cancellationToken)),
        };

        var latencies = new ConcurrentBag<double>();
        costs.Add(await PhaseAsync(app, "advance + one action", customers,
            () => PostAllAsync(app, ids, MeasuredJourney.ActEvent, "act", concurrency, cancellationToken, (customer, started) => WatchActionAsync(app, instances[customer], started, latencies, cancellationToken)),
            () => WaitForStepAsync(app, instances.Values, "wait-timeout", cancellationToken)));
        costs.Add(await PhaseAsync(app, "timer fires (ends the instance)", customers, () => Task.CompletedTask,
            () => WaitForFinishAsync(app, instances.Values, cancellationToken)));

        output.WriteLine();
        output.WriteLine("| phase | n | queue messages sent | history rows written | table transactions | instance-table requests | backend requests (no polling) | of which queue requests | journey-table transactions | journey-table requests | per second |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var cost in costs)
        {
            output.WriteLine(cost.Row());
        }

        var sorted = latencies.Order().ToArray();
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"raise → action (ingress call to the action reaching the sink), {sorted.Length} actions: p50 {Percentile(sorted, 0.50):0} ms, p90 {Percentile(sorted, 0.90):0} ms, p99 {Percentile(sorted, 0.99):0} ms, max {sorted[^1]:0} ms"));
        output.WriteLine($"actions dispatched: {app.Sink.Sent.Count} (expected {customers})");
        return app.Sink.Sent.Count == customers ? 0 : 1;
    }

    private static async Task<PhaseCost> PhaseAsync(DurableJourneyApp app, string phase, int count, Func<Task> act, Func<Task> settled)
    {
        var durableBefore = app.Runtime.StorageRequests!.Snapshot();
        var journeysBefore = JourneyTableRequests.Snapshot();
        var watch = Stopwatch.StartNew();
        await act();
        await settled();
        var seconds = watch.Elapsed.TotalSeconds;
        var durable = WithoutPolling(app.Runtime.StorageRequests.Snapshot().Since(durableBefore));
        var journeys = JourneyTableRequests.Snapshot()
            .Select(k => (k.Key, Value: k.Value - journeysBefore.GetValueOrDefault(k.Key)))
            .Where(k => k.Value > 0)
            .ToDictionary(k => k.Key, k => k.Value);
        return new PhaseCost(phase, count, durable, journeys, seconds);
    }

    // Idle queue polling and this tool's status reads are not the touchpoints' cost.
    private static StorageUsage WithoutPolling(StorageUsage usage) => usage.Without(
        k => k.Operation is StorageOperation.Receive or StorageOperation.Peek
            || (k.Resource == StorageResource.InstancesTable && k.Operation is StorageOperation.Query or StorageOperation.Read));

    private static async Task PostAllAsync(
        DurableJourneyApp app, string[] customers, string type, string suffix, int concurrency, CancellationToken cancellationToken,
        Func<string, long, Task>? watch = null)
    {
        var watchers = new ConcurrentBag<Task>();
        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (customer, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            if (watch is not null)
            {
                watchers.Add(watch(customer, started));
            }

            var settled = await app.PostAsync(CloudEvent($"{customer}-{suffix}", type, customer), token);
            if (settled is not SettleDecision.Complete)
            {
                throw new InvalidOperationException($"{customer}: the ingress did not complete {type}: {settled}");
            }
        });
        await Task.WhenAll(watchers);
    }

    private static async Task WatchActionAsync(DurableJourneyApp app, string instanceId, long started, ConcurrentBag<double> latencies, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(PhaseDeadline);
        while (!app.Sink.Sent.Any(a => a.InstanceId == instanceId))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2), deadline.Token);
        }

        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static Task<OrchestrationMetadata[]> WaitForStepAsync(DurableJourneyApp app, IEnumerable<string> instanceIds, string step, CancellationToken cancellationToken) =>
        Task.WhenAll(instanceIds.Select(id => app.Runtime.Client.WaitUntilAsync(
            id, state => Status(state)?.Step == step, PhaseDeadline, $"to reach step {step}", cancellationToken)));

    private static Task<OrchestrationMetadata[]> WaitForFinishAsync(DurableJourneyApp app, IEnumerable<string> instanceIds, CancellationToken cancellationToken) =>
        Task.WhenAll(instanceIds.Select(id => app.Runtime.Client.WaitForFinishAsync(id, PhaseDeadline, cancellationToken)));

    private static JourneyOrchestrationStatus? Status(OrchestrationMetadata state) =>
        state.SerializedCustomStatus is { Length: > 0 } json ? JsonSerializer.Deserialize<JourneyOrchestrationStatus>(json, Json) : null;

    private static string CloudEvent(string id, string type, string customer) =>
        $$"""{ "specversion": "1.0", "id": "{{id}}", "source": "load", "type": "{{type}}", "subject": "{{customer}}", "time": "{{DateTimeOffset.UtcNow:o}}" }""";

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
