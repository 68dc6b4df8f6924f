using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using Orchestrator.Conformance.Tests.Harness;
using Orchestrator.Conformance.Tests.Harness.Api;
using Orchestrator.Testing;
using Xunit.Abstractions;

namespace Orchestrator.Reliability.Tests;

/// <summary>
/// kill -9 of the real host a while after it dispatched actions: the restart may send again only what was dispatched
/// in about the last acknowledgement round before the kill, not every action whose outbox entry was still stored.
/// </summary>
public sealed partial class CrashResendTests(ITestOutputHelper output)
{
    private const string JourneyId = "crash-resend";
    private const int Customers = 40;

    // A hang guard, not a speed target.
    private static readonly TimeSpan TestDeadline = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long the host may take to mark dispatched actions: many acknowledgement rounds, far below the 30 s idle flush.</summary>
    private static readonly TimeSpan MarkDeadline = TimeSpan.FromSeconds(10);

    // Sends one action when it starts, then waits a day: no timer fires and no later commit removes the outbox entry.
    private const string Journey = """
        {
          "id": "crash-resend",
          "name": "Crash re-send (reliability tests)",
          "entry": { "event": "crash.ordered" },
          "start": "confirm",
          "steps": {
            "confirm": { "type": "send", "channel": "email", "action": "confirmation", "next": "wait" },
            "wait": { "type": "waitFor", "events": [ { "event": "crash.never", "next": "done" } ], "timeout": "P1D", "onTimeout": "done" },
            "done": { "type": "end", "outcome": "neutral" }
          }
        }
        """;

    [Fact]
    public async Task HostKilledAfterItsActionsWereAcknowledged_Restart_SendsNoneOfThemAgain()
    {
        using var deadline = new CancellationTokenSource(TestDeadline);
        var cancellationToken = deadline.Token;
        await using var azurite = await AzuriteInstance.StartAsync(cancellationToken);
        await using var storage = new StorageProbe(azurite.ConnectionString);
        var address = HostProcess.FreeLoopbackAddress();
        StandaloneHostProcess? first = null;
        StandaloneHostProcess? second = null;
        try
        {
            first = await HostProcess.StartAsync(address, azurite.ConnectionString, cancellationToken);
            using var http = HostProcess.CreateClient(address, RequestTimeout);
            var api = new OrchestratorApi(http);
            await api.DeployAsync(JourneyId, Journey, cancellationToken);
            foreach (var index in Enumerable.Range(0, Customers))
            {
                var customer = $"crash-c{index:D2}";
                var posted = await api.PostTouchpointAsync(
                    CloudEvents.Touchpoint($"{customer}-order", "reliability-test", "crash.ordered", customer, DateTimeOffset.UtcNow, JsonSerializer.SerializeToElement(new { })),
                    cancellationToken);
                Assert.True(posted.Accepted.Count == 1, $"the touchpoint for {customer} was not accepted: {posted}");
            }

            var queue = new ActionQueueReader(new QueueClient(azurite.ConnectionString, "actions", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }));
            var outbox = await OutboxKeysAsync(storage, cancellationToken);
            Assert.Equal(Customers, outbox.Count);
            Assert.Empty(await queue.WaitForKeysAsync(outbox, StandaloneDriver.DispatchDeadline, cancellationToken));

            // Every action dispatched and acknowledged, its outbox entry still stored (the customer stays idle): the
            // state a crash a second or more after the dispatch finds.
            await Eventually.TrueAsync(
                async () => (await MarkedKeysAsync(storage, cancellationToken)).IsSupersetOf(outbox),
                MarkDeadline,
                () => $"every one of the {outbox.Count} dispatched actions to be acknowledged in the dispatch log",
                cancellationToken);
            Assert.Equal(outbox.Order(StringComparer.Ordinal), (await OutboxKeysAsync(storage, cancellationToken)).Order(StringComparer.Ordinal));
            await first.KillAsync();

            second = await HostProcess.StartAsync(address, azurite.ConnectionString, cancellationToken);
            var resent = Recovered().Match(second.Output) is { Success: true } match ? int.Parse(match.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            await queue.DrainAsync(cancellationToken);
            var copies = queue.ByKey.Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
            output.WriteLine($"{Customers} actions dispatched and acknowledged before the kill; the restart re-sent {resent}; {copies.Count} keys queued more than once");

            Assert.True(resent == 0 && copies.Count == 0, $"the restart sent again {resent} action(s); queued more than once: {string.Join(", ", copies)}\nthe restarted host printed:\n{second.Output}");
            Assert.Empty(await OutboxKeysAsync(storage, cancellationToken));
            Assert.Empty(await MarkedKeysAsync(storage, cancellationToken));
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

    private static async Task<HashSet<string>> OutboxKeysAsync(StorageProbe storage, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var action in storage.Customers.ReadAllOutboxesAsync(cancellationToken))
        {
            keys.Add(action.IdempotencyKey);
        }

        return keys;
    }

    private static async Task<HashSet<string>> MarkedKeysAsync(StorageProbe storage, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var mark in storage.DispatchLog.ReadAllAsync(cancellationToken))
        {
            keys.Add(mark.IdempotencyKey);
        }

        return keys;
    }

    [GeneratedRegex(@"Recovered (?<count>\d+) action", RegexOptions.CultureInvariant)]
    private static partial Regex Recovered();
}
