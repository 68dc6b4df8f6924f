using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Text.Json;
using Azure.Storage.Queues;
using Orchestrator.Application.Instances;
using Orchestrator.Conformance.Tests.Harness;
using Orchestrator.Conformance.Tests.Harness.Analytics;
using Orchestrator.Conformance.Tests.Harness.Api;
using Orchestrator.Journeys.Engine;
using Orchestrator.Testing;
using Xunit.Abstractions;

namespace Orchestrator.Reliability.Tests;

/// <summary>
/// kill -9 of the real host process in the middle of a touchpoint stream, then a restart on the same storage:
/// no accepted touchpoint, action or timer may be lost, and none may take effect twice.
/// </summary>
public sealed partial class HostKillTests(ITestOutputHelper output)
{
    private const string JourneyId = "order-follow-up";
    private const int Customers = 100;
    private static readonly TimeSpan AnalyticsFreshness = TimeSpan.FromSeconds(5);
    private const int Lanes = 16;

    /// <summary>Touchpoints accepted before the kill: about half the stream, when the first timers fire.</summary>
    private const int KillAfterAccepted = 100;

    /// <summary>Requests in flight at the kill.</summary>
    private const int KillWhenInFlight = 3;

    // A hang guard, not a speed target: see TwoHostTests.
    private static readonly TimeSpan TestDeadline = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A lane's pause between touchpoints: the stream then lasts about four seconds, longer than the 2 s timeout, so
    /// the host fires timers while it takes touchpoints, and many lanes keep requests in flight at any moment.
    /// </summary>
    private static readonly TimeSpan LanePace = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest the restarted host may take to finish every instance (timers are 2 s and 1 s).</summary>
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromSeconds(30);

    private static readonly string[] ShippedPath = ["email/order-confirmation", "push/shipped"];
    private static readonly string[] TimeoutPath = ["email/order-confirmation", "sms/delay-apology", "email/follow-up"];

    [Fact]
    public async Task HostKilledMidStream_RestartedOnSameStorage_LosesAndDuplicatesNoTouchpointActionOrTimer()
    {
        using var deadline = new CancellationTokenSource(TestDeadline);
        var cancellationToken = deadline.Token;
        var watch = Stopwatch.StartNew();
        await using var azurite = await AzuriteInstance.StartAsync(cancellationToken);
        var address = HostProcess.FreeLoopbackAddress();
        StandaloneHostProcess? first = null;
        StandaloneHostProcess? second = null;
        try
        {
            first = await HostProcess.StartAsync(address, azurite.ConnectionString, cancellationToken);
            using var http = HostProcess.CreateClient(address, RequestTimeout);
            var api = new OrchestratorApi(http);
            await api.DeployAsync(JourneyId, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Journeys", $"{JourneyId}.json"), cancellationToken), cancellationToken);

            var customers = Enumerable.Range(0, Customers).Select(i => new StreamCustomer(i)).ToList();
            var stream = new TouchpointStream(api, PlanLanes(customers), LanePace);
            var streaming = stream.RunAsync(cancellationToken);

            // Killed while requests are in flight, so some die between commit and answer, or commit and dispatch.
            await Eventually.TrueAsync(
                () => Task.FromResult((stream.Accepted.Count >= KillAfterAccepted && stream.InFlight >= KillWhenInFlight) || streaming.IsCompleted),
                TestDeadline,
                () => $"{KillAfterAccepted} touchpoints accepted and one in flight before the kill; {stream.Accepted.Count} were accepted",
                cancellationToken);
            var acceptedAtKill = stream.Accepted.Count;
            var killedAt = DateTimeOffset.UtcNow;
            await first.KillAsync();
            var firstOutput = first.Output;

            var pendingAtKill = await PendingTimersAsync(azurite.ConnectionString, customers, cancellationToken);
            var restartWatch = Stopwatch.StartNew();
            second = await HostProcess.StartAsync(address, azurite.ConnectionString, cancellationToken);
            var restartTook = restartWatch.Elapsed;
            try
            {
                await streaming;
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The stream did not finish within {TestDeadline.TotalSeconds} s: {stream.Accepted.Count} of {stream.Total} accepted; "
                    + $"last failures: {string.Join(" | ", stream.Failures.TakeLast(5))}\nthe restarted host printed:\n{second.Output}");
            }

            var statuses = await AwaitAllCompletedAsync(api, customers, second, cancellationToken);
            var problems = new List<string>();
            if (acceptedAtKill >= stream.Total)
            {
                problems.Add($"the stream had ended ({acceptedAtKill} of {stream.Total} accepted) before the kill: nothing was tested mid-stream");
            }

            if (pendingAtKill.Count == 0)
            {
                problems.Add("no instance was waiting on a timer when the host was killed: the timer part of the test is vacuous");
            }

            var timelines = new Dictionary<string, IReadOnlyList<TimelineEntryView>>(StringComparer.Ordinal);
            foreach (var customer in customers)
            {
                timelines[customer.Id] = await api.GetTimelineAsync(customer.Id, cancellationToken);
                problems.AddRange(CheckCustomer(customer, statuses[customer.Id], timelines[customer.Id], stream));
                problems.AddRange(await CheckSingleInstanceAsync(api, customer, cancellationToken));
            }

            problems.AddRange(CheckTimersFiredAfterKill(pendingAtKill, statuses, customers, killedAt));
            var timerDecisions = statuses.Values.SelectMany(s => s.HistoryEvents ?? [])
                .Where(h => h.Decision.Kind is DecisionView.TimedOut or DecisionView.DelayElapsed)
                .ToList();
            var decisionsAfterKill = timerDecisions.Count(h => h.Decision.At >= killedAt);
            var queue = new ActionQueueReader(new QueueClient(azurite.ConnectionString, "actions", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }));
            var committed = timelines.Values.SelectMany(t => t).SelectMany(e => e.Actions ?? []).ToList();
            problems.AddRange(await CheckActionsQueuedAtLeastOnceAsync(queue, committed, cancellationToken));
            var (analytics, compared) = await AnalyticsGroundTruth.WaitForMatchAsync(api, [.. customers.Select(c => c.Id)], AnalyticsFreshness, cancellationToken);
            problems.AddRange(analytics);
            if (compared == 0)
            {
                problems.Add("the timelines recorded nothing to count: the analytics part of the test is vacuous");
            }

            var redeliveries = queue.Read.Count - queue.ByKey.Count;
            // Copies per crash: what the restart sent again, beside what the dispatch log let it skip.
            var recovery = RecoveredFromOutboxes().Match(second.Output);
            var recovered = recovery.Success ? recovery.Groups["count"].Value : "0";
            var skipped = recovery.Success ? recovery.Groups["marked"].Value : "0";
            output.WriteLine(
                $"{stream.Total} touchpoints for {Customers} customers; killed host (pid {first.ProcessId}) after {acceptedAtKill} were accepted; "
                + $"{stream.Failures.Count} posts failed and were re-sent; restart took {restartTook.TotalSeconds:0.0} s; "
                + $"{pendingAtKill.Count} instances were waiting on a timer at the kill; {committed.Count} actions committed, "
                + $"{queue.Read.Count} queued ({redeliveries} redeliveries, {recovered} re-sent from outboxes at the restart, {skipped} acknowledged ones not re-sent); "
                + $"timers fired {timerDecisions.Count - decisionsAfterKill} times before the kill, {decisionsAfterKill} after; {stream.Accepted.Values.Count(a => a.Status == AcceptedView.Duplicate)} re-sends answered Duplicate; "
                + $"{compared} analytics counters equal to the recount from timelines; {watch.Elapsed.TotalSeconds:0.0} s in all");
            Assert.True(problems.Count == 0,
                $"{problems.Count} problem(s):\n  {string.Join("\n  ", problems.Take(50))}\nfirst host printed:\n{firstOutput}\nsecond host printed:\n{second.Output}");
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            if (first is not null)
            {
                await first.DisposeAsync();
            }
        }
    }

    /// <summary>Each lane posts its customers in order, a customer's second touchpoint after the next customer's first.</summary>
    private static List<IReadOnlyList<PlannedTouchpoint>> PlanLanes(IReadOnlyList<StreamCustomer> customers) =>
        [.. customers.GroupBy(c => c.Index % Lanes).Select(lane =>
        {
            var members = lane.ToList();
            var planned = new List<PlannedTouchpoint>();
            for (var i = 0; i < members.Count; i++)
            {
                planned.Add(members[i].Placed);
                if (i > 0)
                {
                    planned.Add(members[i - 1].Second);
                }
            }

            planned.Add(members[^1].Second);
            return (IReadOnlyList<PlannedTouchpoint>)planned;
        })];

    /// <summary>Instances the dead host left waiting on a timer, read from storage, with the step they wait in.</summary>
    private static async Task<Dictionary<string, string>> PendingTimersAsync(
        string connectionString, IReadOnlyList<StreamCustomer> customers, CancellationToken cancellationToken)
    {
        await using var storage = new StorageProbe(connectionString);
        var pending = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var customer in customers)
        {
            var status = await storage.Queries.GetStatusAsync(customer.InstanceId, showHistory: false, cancellationToken);
            if (status is { RuntimeStatus: InstanceRuntimeStatus.Running, CustomStatus.WakeUpAt: not null })
            {
                pending[customer.Id] = status.CustomStatus.Step ?? "(no step)";
            }
        }

        return pending;
    }

    private static async Task<Dictionary<string, InstanceStatusView>> AwaitAllCompletedAsync(
        OrchestratorApi api, IReadOnlyList<StreamCustomer> customers, StandaloneHostProcess host, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<string, InstanceStatusView>(StringComparer.Ordinal);
        var remaining = customers.ToList();
        await Eventually.TrueAsync(
            async () =>
            {
                foreach (var customer in remaining.ToList())
                {
                    var status = await api.GetStatusAsync(customer.InstanceId, showHistory: true, cancellationToken);
                    if (status is { RuntimeStatus: InstanceStatusView.Completed })
                    {
                        statuses[customer.Id] = status;
                        remaining.Remove(customer);
                    }
                }

                return remaining.Count == 0;
            },
            SettleDeadline,
            () => $"every instance completed after the restart; {remaining.Count} still not, e.g. {string.Join(", ", remaining.Take(5).Select(c => c.InstanceId))}; the host printed:\n{host.Output}",
            cancellationToken);
        return statuses;
    }

    /// <summary>Every touchpoint in exactly one timeline entry; the instance ended by one path with that path's actions.</summary>
    private static IEnumerable<string> CheckCustomer(
        StreamCustomer customer, InstanceStatusView status, IReadOnlyList<TimelineEntryView> timeline, TouchpointStream stream)
    {
        foreach (var touchpoint in new[] { customer.Placed, customer.Second })
        {
            if (!stream.Accepted.ContainsKey(touchpoint.Id))
            {
                yield return $"{touchpoint.Id} was never accepted";
            }

            var entries = timeline.Count(e => e.Touchpoint?.Id == touchpoint.Id);
            if (entries != 1)
            {
                yield return $"{touchpoint.Id} (accepted) is in {entries} timeline entries of {customer.Id}; expected exactly one";
            }
        }

        var actions = timeline.SelectMany(e => e.Actions ?? []).Where(a => a.InstanceId == customer.InstanceId).Select(a => a.Name).ToList();
        var decisions = (status.HistoryEvents ?? []).Select(h => h.Decision.Kind).ToList();
        var expected = status.Output?.Outcome switch
        {
            "success" when decisions.Contains(DecisionView.EventMatched) => ShippedPath,
            "neutral" when decisions.Contains(DecisionView.TimedOut) && decisions.Contains(DecisionView.DelayElapsed) => TimeoutPath,
            _ => null,
        };
        if (expected is null)
        {
            yield return $"{customer.InstanceId} ended {status.Output?.Outcome ?? "without output"} with decisions [{string.Join(", ", decisions)}], neither the shipped nor the timeout path";
        }
        else if (!actions.SequenceEqual(expected))
        {
            yield return $"{customer.InstanceId}: the timeline holds actions [{string.Join(", ", actions)}]; its path sends [{string.Join(", ", expected)}]";
        }

        if (customer.TimeoutOnly && status.Output?.Outcome != "neutral")
        {
            yield return $"{customer.InstanceId} got no shipment, yet ended {status.Output?.Outcome}";
        }
    }

    private static async Task<IEnumerable<string>> CheckSingleInstanceAsync(OrchestratorApi api, StreamCustomer customer, CancellationToken cancellationToken)
    {
        var instances = await api.GetJourneysAsync(customer.Id, cancellationToken);
        return instances.Count == 1 && instances[0].InstanceId == customer.InstanceId
            ? []
            : [$"{customer.Id} has instances [{string.Join(", ", instances.Select(i => i.InstanceId))}]; expected only {customer.InstanceId}"];
    }

    /// <summary>Every instance the dead host left waiting on a timer moved on after the kill; those with no shipment, by their timers.</summary>
    private static IEnumerable<string> CheckTimersFiredAfterKill(
        Dictionary<string, string> pendingAtKill, Dictionary<string, InstanceStatusView> statuses, IReadOnlyList<StreamCustomer> customers, DateTimeOffset killedAt)
    {
        foreach (var customer in customers.Where(c => pendingAtKill.ContainsKey(c.Id)))
        {
            var afterKill = (statuses[customer.Id].HistoryEvents ?? []).Select(h => h.Decision).Where(d => d.At >= killedAt).ToList();
            string[] allowed = customer.TimeoutOnly
                ? [DecisionView.TimedOut, DecisionView.DelayElapsed]
                : [DecisionView.TimedOut, DecisionView.DelayElapsed, DecisionView.EventMatched];
            if (!afterKill.Any(d => allowed.Contains(d.Kind)))
            {
                yield return $"{customer.InstanceId} waited in {pendingAtKill[customer.Id]} at the kill but nothing moved it on afterwards ({string.Join(", ", allowed)} expected); decisions after the kill: [{string.Join(", ", afterKill.Select(d => d.Kind))}]";
            }
        }
    }

    /// <summary>At least once: every committed action is queued; every copy of one key is the same action; nothing else is queued.</summary>
    private static async Task<IReadOnlyList<string>> CheckActionsQueuedAtLeastOnceAsync(
        ActionQueueReader queue, IReadOnlyList<ActionView> committed, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var byKey = committed.ToLookup(a => a.IdempotencyKey, StringComparer.Ordinal);
        problems.AddRange(byKey.Where(g => g.Count() > 1).Select(g => $"{g.Key} is committed {g.Count()} times in the timelines"));
        var missing = await queue.WaitForKeysAsync([.. byKey.Select(g => g.Key)], StandaloneDriver.DispatchDeadline, cancellationToken);
        problems.AddRange(missing.Select(k => $"action {k} ({byKey[k].First().Name}) was committed but never reached the actions queue"));
        foreach (var copies in queue.ByKey)
        {
            if (!byKey.Contains(copies.Key))
            {
                problems.Add($"the actions queue holds {copies.Key} ({copies.First().Name}), which no timeline recorded");
            }
            else if (copies.FirstOrDefault(c => !c.SameContentAs(byKey[copies.Key].First())) is { } different)
            {
                problems.Add($"a queued copy of {copies.Key} differs from the committed action: {JsonSerializer.Serialize(different, OrchestratorApi.Json)}");
            }
        }

        return problems;
    }

    [GeneratedRegex(@"Recovered (?<count>\d+) action\(s\) from outboxes; (?<marked>\d+) marked", RegexOptions.CultureInvariant)]
    private static partial Regex RecoveredFromOutboxes();

    /// <summary>A customer of the stream: an order, then a shipment (two in three) or a page view the journey ignores.</summary>
    private sealed class StreamCustomer
    {
        public StreamCustomer(int index)
        {
            Index = index;
            Id = $"kill-c{index:D3}";
            TimeoutOnly = index % 3 == 0;
            var now = DateTimeOffset.UtcNow;
            Placed = Planned($"{Id}-placed", "order.placed", now, JsonSerializer.SerializeToElement(new { orderId = $"O-{index:D3}" }));
            Second = TimeoutOnly
                ? Planned($"{Id}-viewed", "page.viewed", now, JsonSerializer.SerializeToElement(new { page = "/orders" }))
                : Planned($"{Id}-shipped", "order.shipped", now, JsonSerializer.SerializeToElement(new { carrier = "parcel" }));
            InstanceId = InstanceIds.For(JourneyId, Id, Placed.Id);
        }

        public int Index { get; }

        public string Id { get; }

        /// <summary>Gets no shipment: its instance can only end through its timers.</summary>
        public bool TimeoutOnly { get; }

        public PlannedTouchpoint Placed { get; }

        public PlannedTouchpoint Second { get; }

        public string InstanceId { get; }

        private PlannedTouchpoint Planned(string id, string type, DateTimeOffset time, JsonElement data) =>
            new(Id, id, type, CloudEvents.Touchpoint(id, "reliability-test", type, Id, time, data));
    }
}
