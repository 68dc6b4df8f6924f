using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using Orchestrator.Conformance.Tests.Harness;
using Orchestrator.Conformance.Tests.Harness.Analytics;
using Orchestrator.Conformance.Tests.Harness.Api;
using Orchestrator.Journeys.Engine;
using Orchestrator.Testing;
using Xunit.Abstractions;

namespace Orchestrator.Reliability.Tests;

/// <summary>
/// Two real host processes on one storage account, taking touchpoints for the same customers at the same time: the
/// ETag-guarded commit must make them behave as one host would.
/// </summary>
public sealed class TwoHostTests(ITestOutputHelper output)
{
    private const string JourneyId = "two-host-visit";
    private const int Customers = 40;
    private const int CustomersInFlight = 8;
    private const int AttemptsPerPost = 20;

    // A hang guard, not a speed target: two host processes and Azurite start and share two cores with the other
    // suites the test command runs at the same time (the real Durable runtime's among them).
    private static readonly TimeSpan TestDeadline = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LateCopyWindow = TimeSpan.FromSeconds(1);
    private static readonly string[] ExpectedActions = ["web/step-one", "web/step-two"];

    [Fact]
    public async Task TwoHostsOneStorage_SameCustomersConcurrently_NoLostUpdateNoDoubleStartEachActionOnce()
    {
        using var deadline = new CancellationTokenSource(TestDeadline);
        var cancellationToken = deadline.Token;
        var watch = Stopwatch.StartNew();
        await using var azurite = await AzuriteInstance.StartAsync(cancellationToken);
        var addressA = HostProcess.FreeLoopbackAddress();
        await using var hostA = await HostProcess.StartAsync(addressA, azurite.ConnectionString, cancellationToken);
        using var httpA = HostProcess.CreateClient(addressA, RequestTimeout);
        var apiA = new OrchestratorApi(httpA);

        // Deployed before the second host starts, so neither can hold a stale set of active journeys.
        await apiA.DeployAsync(JourneyId, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Journeys", $"{JourneyId}.json"), cancellationToken), cancellationToken);
        var addressB = HostProcess.FreeLoopbackAddress();
        await using var hostB = await HostProcess.StartAsync(addressB, azurite.ConnectionString, cancellationToken);
        using var httpB = HostProcess.CreateClient(addressB, RequestTimeout);
        var apiB = new OrchestratorApi(httpB);
        OrchestratorApi[] hosts = [apiA, apiB];

        var customers = Enumerable.Range(0, Customers).Select(i => new VisitCustomer(i)).ToList();
        var answers = new ConcurrentBag<(string TouchpointId, int Host, string Status)>();
        var problems = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(
            customers,
            new ParallelOptions { MaxDegreeOfParallelism = CustomersInFlight, CancellationToken = cancellationToken },
            async (customer, ct) =>
            {
                // The start to both hosts at once: only one instance may begin.
                await Task.WhenAll(PostAsync(hosts, 0, customer.Started, answers, problems, ct), PostAsync(hosts, 1, customer.Started, answers, problems, ct));

                // The steps split between the hosts, one of them to both at once, and a touchpoint the journey ignores.
                var first = customer.Index % 2;
                await Task.WhenAll(
                    PostAsync(hosts, first, customer.Steps[0], answers, problems, ct),
                    PostAsync(hosts, 1 - first, customer.Steps[1], answers, problems, ct),
                    PostAsync(hosts, 0, customer.Steps[2], answers, problems, ct),
                    PostAsync(hosts, 1, customer.Steps[2], answers, problems, ct),
                    PostAsync(hosts, first, customer.Viewed, answers, problems, ct));
            });

        foreach (var twice in answers.GroupBy(a => a.TouchpointId).Where(g => g.Count(a => a.Status == AcceptedView.Applied) > 1))
        {
            problems.Enqueue($"{twice.Key} was applied by {twice.Count(a => a.Status == AcceptedView.Applied)} requests; a touchpoint posted to both hosts must be applied once");
        }

        var committed = new List<ActionView>();
        foreach (var customer in customers)
        {
            var api = hosts[customer.Index % 2];
            InstanceStatusView? status = null;
            try
            {
                status = await Eventually.MatchesAsync(
                    () => api.GetStatusAsync(customer.InstanceId, showHistory: false, cancellationToken),
                    s => s is { RuntimeStatus: InstanceStatusView.Completed },
                    SettleDeadline,
                    last => $"{customer.InstanceId} to complete; it is {last?.RuntimeStatus.ToString() ?? "missing"}",
                    cancellationToken);
            }
            catch (TimeoutException exception)
            {
                problems.Enqueue(exception.Message);
            }

            if (status is not null && status.Output?.Outcome != "success")
            {
                problems.Enqueue($"{customer.InstanceId} ended {status.Output?.Outcome ?? "without output"}; one host would have ended it with success");
            }

            var instances = await hosts[1 - (customer.Index % 2)].GetJourneysAsync(customer.Id, cancellationToken);
            if (instances.Count != 1 || instances[0].InstanceId != customer.InstanceId)
            {
                problems.Enqueue($"{customer.Id} has instances [{string.Join(", ", instances.Select(i => i.InstanceId))}]; expected only {customer.InstanceId}");
            }

            var timeline = await api.GetTimelineAsync(customer.Id, cancellationToken);
            foreach (var touchpoint in customer.All)
            {
                var entries = timeline.Count(e => e.Touchpoint?.Id == touchpoint.Id);
                if (entries != 1)
                {
                    problems.Enqueue($"{touchpoint.Id} is in {entries} timeline entries of {customer.Id}; expected exactly one");
                }
            }

            var actions = timeline.SelectMany(e => e.Actions ?? []).ToList();
            committed.AddRange(actions);
            if (!actions.Select(a => a.Name).SequenceEqual(ExpectedActions))
            {
                problems.Enqueue($"{customer.Id}'s timeline holds actions [{string.Join(", ", actions.Select(a => a.Name))}]; expected [{string.Join(", ", ExpectedActions)}]");
            }
        }

        var queue = new ActionQueueReader(new QueueClient(azurite.ConnectionString, "actions", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }));
        var keys = committed.Select(a => a.IdempotencyKey).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count != committed.Count)
        {
            problems.Enqueue($"{committed.Count - keys.Count} idempotency keys are committed more than once in the timelines");
        }

        foreach (var key in await queue.WaitForKeysAsync(keys, StandaloneDriver.DispatchDeadline, cancellationToken))
        {
            problems.Enqueue($"action {key} was committed but never reached the actions queue");
        }

        // A late second copy (a sweep or a retry on the other host) would arrive after the first: read once more.
        await Task.Delay(LateCopyWindow, cancellationToken);
        await queue.DrainAsync(cancellationToken);
        var expectedKeys = keys.ToHashSet(StringComparer.Ordinal);
        foreach (var copies in queue.ByKey)
        {
            if (!expectedKeys.Contains(copies.Key))
            {
                problems.Enqueue($"the actions queue holds {copies.Key} ({copies.First().Name}), which no timeline recorded");
            }
            else if (copies.Count() != 1)
            {
                problems.Enqueue($"the actions queue holds {copies.Count()} copies of {copies.Key}; expected exactly one");
            }
        }

        // Both hosts folded the records they committed into the same buckets; each must have counted once.
        var (analytics, compared) = await AnalyticsGroundTruth.WaitForMatchAsync(apiA, [.. customers.Select(c => c.Id)], TimeSpan.FromSeconds(5), cancellationToken);
        foreach (var problem in analytics)
        {
            problems.Enqueue(problem);
        }

        if (compared == 0)
        {
            problems.Enqueue("the timelines recorded nothing to count: the analytics part of the test is vacuous");
        }

        var duplicates = answers.Count(a => a.Status == AcceptedView.Duplicate);
        output.WriteLine(
            $"{customers.Sum(c => c.All.Count)} touchpoints for {Customers} customers, {answers.Count} posts over two hosts "
            + $"({answers.Count(a => a.Host == 0)} to A, {answers.Count(a => a.Host == 1)} to B; {duplicates} answered Duplicate); "
            + $"{committed.Count} actions committed, {queue.Read.Count} read from the queue; {compared} analytics counters equal to the recount; {watch.Elapsed.TotalSeconds:0.0} s in all");
        Assert.True(problems.IsEmpty, $"{problems.Count} problem(s):\n  {string.Join("\n  ", problems.Take(50))}\nhost A printed:\n{hostA.Output}\nhost B printed:\n{hostB.Output}");
    }

    /// <summary>Posts until a host answers 202 (a host busy with a conflict may refuse), noting how it took the touchpoint.</summary>
    private static async Task PostAsync(
        OrchestratorApi[] hosts,
        int host,
        PlannedTouchpoint touchpoint,
        ConcurrentBag<(string, int, string)> answers,
        ConcurrentQueue<string> problems,
        CancellationToken cancellationToken)
    {
        var last = "";
        for (var attempt = 0; attempt < AttemptsPerPost; attempt++)
        {
            var answer = await hosts[host].PostTouchpointAsync(touchpoint.CloudEvent, cancellationToken);
            if (answer.StatusCode == HttpStatusCode.Accepted && answer.Accepted.Count == 1)
            {
                answers.Add((touchpoint.Id, host, answer.Accepted[0].Status));
                return;
            }

            last = answer.ToString();
            await Task.Delay(TouchpointStream.RetryInterval, cancellationToken);
        }

        problems.Enqueue($"{touchpoint.Id} was refused {AttemptsPerPost} times by host {(host == 0 ? "A" : "B")}; last answer: {last}");
    }

    /// <summary>A customer's visit: a start, three steps in any order, and a page view the journey ignores.</summary>
    private sealed class VisitCustomer
    {
        public VisitCustomer(int index)
        {
            Index = index;
            Id = $"two-host-c{index:D3}";
            var now = DateTimeOffset.UtcNow;
            Started = Planned($"{Id}-start", "visit.started", now);
            Steps = [.. Enumerable.Range(1, 3).Select(step => Planned($"{Id}-step-{step}", "visit.step", now))];
            Viewed = Planned($"{Id}-viewed", "page.viewed", now);
            All = [Started, .. Steps, Viewed];
            InstanceId = InstanceIds.For(JourneyId, Id, Started.Id);
        }

        public int Index { get; }

        public string Id { get; }

        public string InstanceId { get; }

        public PlannedTouchpoint Started { get; }

        public IReadOnlyList<PlannedTouchpoint> Steps { get; }

        public PlannedTouchpoint Viewed { get; }

        public IReadOnlyList<PlannedTouchpoint> All { get; }

        private PlannedTouchpoint Planned(string id, string type, DateTimeOffset time) =>
            new(Id, id, type, CloudEvents.Touchpoint(id, "two-host-test", type, Id, time, JsonSerializer.SerializeToElement(new { visit = Id })));
    }
}
