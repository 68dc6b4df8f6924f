using System.Diagnostics;
using Microsoft.DurableTask.Client;

namespace Orchestrator.Durable.Testing.Hosting;

/// <summary>
/// Waits for an instance's state by polling its status every few milliseconds, with a deadline and a message that
/// says what was expected: no sleeps in tests, and no 2-second steps.
/// </summary>
/// <remarks>
/// <see cref="DurableTaskClient.WaitForInstanceCompletionAsync(string, bool, CancellationToken)"/> goes through the
/// sidecar to the Azure Storage backend's own wait, which polls every 2 s; these helpers poll the status instead,
/// one point read of the instances table each time (counted under <c>InstancesTable Query</c>).
/// </remarks>
public static class DurableTaskClientPolling
{
    /// <summary>How often the status is read.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls the instance (with inputs, outputs and custom status) until <paramref name="done"/> holds.</summary>
    /// <param name="client">The client.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="done">Whether the state read is the one waited for; never called with a missing instance.</param>
    /// <param name="deadline">How long to wait.</param>
    /// <param name="expected">Describes what was expected, for the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first state for which <paramref name="done"/> held.</returns>
    /// <exception cref="TimeoutException">The deadline passed; the message says what was expected and the last state read.</exception>
    public static async Task<OrchestrationMetadata> WaitUntilAsync(
        this DurableTaskClient client,
        string instanceId,
        Func<OrchestrationMetadata, bool> done,
        TimeSpan deadline,
        string expected,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(done);
        var watch = Stopwatch.StartNew();
        OrchestrationMetadata? last = null;
        while (true)
        {
            last = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken) ?? last;
            if (last is not null && done(last))
            {
                return last;
            }

            if (watch.Elapsed > deadline)
            {
                var seen = last is null
                    ? "the instance does not exist"
                    : $"it is {last.RuntimeStatus} with custom status {last.SerializedCustomStatus ?? "(none)"} and output {last.SerializedOutput ?? "(none)"}";
                throw new TimeoutException($"Waited {deadline.TotalSeconds:0.#} s for instance '{instanceId}': {expected}; {seen}.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Polls until the instance completed, failed or was terminated.</summary>
    /// <param name="client">The client.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="deadline">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The final state, with input, output and custom status.</returns>
    /// <exception cref="TimeoutException">The instance was still running at the deadline.</exception>
    public static Task<OrchestrationMetadata> WaitForFinishAsync(
        this DurableTaskClient client, string instanceId, TimeSpan deadline, CancellationToken cancellationToken = default) =>
        client.WaitUntilAsync(
            instanceId,
            state => state.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated,
            deadline,
            "to finish (completed, failed or terminated)",
            cancellationToken);
}
