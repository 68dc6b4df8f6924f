using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Azure.Storage.Queues;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Conformance.Tests.Harness;
using Orchestrator.Conformance.Tests.Harness.Analytics;
using Orchestrator.Conformance.Tests.Harness.Api;
using Orchestrator.Testing;
using Xunit.Abstractions;

namespace Orchestrator.Reliability.Tests;

/// <summary>
/// At-least-once delivery from channel apps: every touchpoint arrives twice, concurrently or late (after the
/// customer's later touchpoints and timers), and nothing may happen twice.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes the test class through IAsyncLifetime.DisposeAsync, which disposes the host.")]
public sealed class DuplicateDeliveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string CustomerSuffix = "-dup";
    private static readonly TimeSpan RunDeadline = TimeSpan.FromSeconds(90);

    private AzuriteInstance? _azurite;
    private StandaloneHostFactory? _host;
    private HttpClient? _client;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EveryTouchpointDeliveredTwice_BurstOrLate_SameRunsAsSingleDelivery_AndOneQueuedActionPerKey()
    {
        var cases = ScenarioCatalog.Cases;
        Assert.True(cases.Count > 0, $"No scenario scripts in {RepositoryPaths.Scenarios} to build the touchpoint stream from.");
        using var deadline = new CancellationTokenSource(RunDeadline);
        var watch = Stopwatch.StartNew();

        _azurite = await AzuriteInstance.StartAsync(deadline.Token);
        var clock = new FakeTimeProvider(cases.Min(c => c.Script.Start));
        _host = new StandaloneHostFactory(_azurite.ConnectionString, clock);
        _client = _host.CreateClientWithKeys();
        var api = new OrchestratorApi(_client);
        var queue = new ActionQueueReader(new QueueClient(_azurite.ConnectionString, "actions", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }));
        var delivery = new DuplicatingDelivery();
        var host = new StandaloneDriver(api, clock, queue, delivery);
        var simulator = new SimulatorDriver();
        foreach (var journey in cases.DistinctBy(c => c.Definition.Id))
        {
            await host.DeployAsync(journey.Definition, journey.DefinitionJson, deadline.Token);
            await simulator.DeployAsync(journey.Definition, journey.DefinitionJson, deadline.Token);
        }

        var runs = cases.Select(c => c.ForCustomerSuffix(CustomerSuffix)).ToList();
        var results = await host.RunAsync(runs, deadline.Token);

        var problems = new List<string>();
        foreach (var (run, result) in runs.Zip(results))
        {
            problems.AddRange(result.Problems.Select(p => $"{run}: {p}"));
            problems.AddRange(Expectations.Compare(result, simulator.Run(run)).Select(p => $"{run}: differs from a single delivery (simulator) in {p}"));
        }

        problems.AddRange(CheckEveryTouchpointAppliedOnce(runs, delivery));
        problems.AddRange(await CheckOneQueuedActionPerKeyAsync(api, runs, queue, deadline.Token));
        var (analytics, compared) = await AnalyticsGroundTruth.WaitForMatchAsync(api, [.. runs.Select(r => r.Script.CustomerId)], TimeSpan.FromSeconds(5), deadline.Token);
        problems.AddRange(analytics);
        Assert.True(compared > 0, "The timelines recorded nothing to count.");

        var deliveries = delivery.Deliveries.Values.SelectMany(d => d).ToList();
        output.WriteLine(
            $"{runs.Count} customers, {deliveries.Count} deliveries ({deliveries.Count(d => d.Mode == "burst")} in concurrent pairs, "
            + $"{deliveries.Count(d => d.Mode == "late")} late), {queue.Read.Count} queued actions, {compared} analytics counters equal to the recount, {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(deliveries.Any(d => d.Mode == "late") && deliveries.Any(d => d.Mode == "burst"), "The stream exercised no late or no concurrent duplicates.");
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):\n  {string.Join("\n  ", problems)}");
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>Each touchpoint was delivered twice: applied once, recognised as a duplicate once.</summary>
    private static IEnumerable<string> CheckEveryTouchpointAppliedOnce(IReadOnlyList<ScenarioRun> runs, DuplicatingDelivery delivery)
    {
        var deliveries = delivery.Deliveries;
        foreach (var run in runs)
        {
            for (var index = 0; index < run.Script.Events.Count; index++)
            {
                var id = run.Script.Events[index].Id ?? $"evt-{index}";
                var key = DuplicatingDelivery.Key(run.Script.CustomerId, id);
                var answers = deliveries.TryGetValue(key, out var found) ? found : [];
                var statuses = answers.Select(a => a.Answer.SingleStatus ?? a.Answer.ToString()).Order(StringComparer.Ordinal).ToList();
                if (!statuses.SequenceEqual([AcceptedView.Applied, AcceptedView.Duplicate]))
                {
                    yield return $"{run}: touchpoint {id} delivered {answers.Count} times ({string.Join(", ", answers.Select(a => a.Mode))}), "
                        + $"answered [{string.Join(", ", statuses)}]; expected one Applied and one Duplicate";
                }
                else if (answers.FirstOrDefault(a => a.Mode == "late") is { } late && late.Answer.SingleStatus != AcceptedView.Duplicate)
                {
                    yield return $"{run}: the late copy of {id} was {late.Answer.SingleStatus}, not Duplicate";
                }
            }
        }
    }

    /// <summary>The queue holds every action of every timeline exactly once, and nothing else.</summary>
    private static async Task<IReadOnlyList<string>> CheckOneQueuedActionPerKeyAsync(
        OrchestratorApi api, IReadOnlyList<ScenarioRun> runs, ActionQueueReader queue, CancellationToken cancellationToken)
    {
        var committed = new List<ActionView>();
        foreach (var run in runs)
        {
            var timeline = await api.GetTimelineAsync(run.Script.CustomerId, cancellationToken);
            committed.AddRange(timeline.SelectMany(e => e.Actions ?? []));
        }

        var problems = new List<string>();
        var keys = committed.Select(a => a.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        if (keys.Count != committed.Count)
        {
            problems.Add($"the timelines hold {committed.Count} actions but only {keys.Count} distinct idempotency keys");
        }

        var missing = await queue.WaitForKeysAsync(keys, StandaloneDriver.DispatchDeadline, cancellationToken);
        problems.AddRange(missing.Select(k => $"action {k} was committed but never reached the actions queue"));
        foreach (var copies in queue.ByKey)
        {
            if (!keys.Contains(copies.Key))
            {
                problems.Add($"the actions queue holds {copies.Key} ({copies.First().Name}), which no timeline recorded");
            }
            else if (copies.Count() > 1)
            {
                problems.Add($"action {copies.Key} ({copies.First().Name}) reached the actions queue {copies.Count()} times");
            }
        }

        return problems;
    }
}
