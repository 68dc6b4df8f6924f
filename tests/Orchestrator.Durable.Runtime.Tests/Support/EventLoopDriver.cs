using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Orchestrator.Durable.Testing.Hosting;

namespace Orchestrator.Durable.Runtime.Tests.Support;

/// <summary>
/// Drives <see cref="EventLoopOrchestration"/> through a client of any backend: events one at a time, or a burst
/// while the loop is busy in its activity.
/// </summary>
internal static class EventLoopDriver
{
    /// <summary>Generous for a busy 2-core machine; a healthy step takes well under a second.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Raises each event only once the loop reported the previous one handled, then the end marker; returns the
    /// loop's output and each event's raise-to-handled latency.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Received, IReadOnlyList<TimeSpan> Latencies)> RaiseOneAtATimeAsync(
        DurableTaskClient client, string instanceId, IReadOnlyList<string> events)
    {
        var latencies = new List<TimeSpan>();
        await WaitForStatusAsync(client, instanceId, status => status.Received == 0, "to wait for its first event");
        for (var i = 0; i < events.Count; i++)
        {
            var watch = Stopwatch.StartNew();
            await client.RaiseEventAsync(instanceId, EventLoopOrchestration.EventName, events[i]);
            var handled = i + 1;
            await WaitForStatusAsync(client, instanceId, status => status.Received == handled, $"to report {handled} events handled");
            latencies.Add(watch.Elapsed);
        }

        return (await EndAsync(client, instanceId), latencies);
    }

    /// <summary>
    /// Raises all events while the loop's first generation is held in its activity, releases the activity, waits
    /// for the first ContinueAsNew to be committed, then ends the loop; returns what it received.
    /// </summary>
    /// <remarks>
    /// The end marker goes last, after the generation that carried the buffered events was committed, so any event
    /// the runtime kept is ahead of it; whatever is missing from the output was lost, not late.
    /// </remarks>
    public static async Task<IReadOnlyList<string>> RaiseBurstDuringActivityAsync(
        DurableTaskClient client, ActivityGate gate, string instanceId, IReadOnlyList<string> events)
    {
        await gate.Entered.WaitAsync(Deadline);
        foreach (var value in events)
        {
            await client.RaiseEventAsync(instanceId, EventLoopOrchestration.EventName, value);
        }

        gate.Release();
        await WaitForStatusAsync(client, instanceId, status => status.Generation >= 1, "to commit its first ContinueAsNew");
        return await EndAsync(client, instanceId);
    }

    private static async Task<IReadOnlyList<string>> EndAsync(DurableTaskClient client, string instanceId)
    {
        await client.RaiseEventAsync(instanceId, EventLoopOrchestration.EventName, EventLoopOrchestration.EndMarker);
        var final = await client.WaitForFinishAsync(instanceId, Deadline);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, final.RuntimeStatus);
        return final.ReadOutputAs<List<string>>() ?? [];
    }

    private static Task<OrchestrationMetadata> WaitForStatusAsync(DurableTaskClient client, string instanceId, Func<EventLoopStatus, bool> condition, string expected) =>
        client.WaitUntilAsync(
            instanceId,
            // No custom status until the loop first sets one (the first generation may start in its activity).
            state => !string.IsNullOrEmpty(state.SerializedCustomStatus) && state.ReadCustomStatusAs<EventLoopStatus>() is { } status && condition(status),
            Deadline,
            expected);
}
