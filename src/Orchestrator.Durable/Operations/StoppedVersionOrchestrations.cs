using Grpc.Core;
using Microsoft.DurableTask.Client;
using Orchestrator.Application.Definitions;

namespace Orchestrator.Durable.Operations;

/// <summary>
/// Ends the Durable orchestrations of the instances a version stop ended in the customers' partitions: otherwise
/// an orchestration would keep waiting (and holding its timers) for an instance that is over.
/// </summary>
public static class StoppedVersionOrchestrations
{
    /// <summary>
    /// Terminates the orchestration of every instance the stop ended that still runs; one that never started, is
    /// gone or has finished is left alone (some backends accept a terminate for an instance that does not exist).
    /// </summary>
    /// <param name="client">The Durable client.</param>
    /// <param name="change">What the stop did.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many running orchestrations were asked to terminate.</returns>
    public static async Task<int> TerminateAsync(DurableTaskClient client, VersionChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(change);
        var reason = $"version {change.Version?.Version} of {change.Version?.JourneyId} stopped";
        var terminated = 0;
        foreach (var instanceId in change.StoppedInstances)
        {
            var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
            if (state is null || state.IsCompleted)
            {
                continue;
            }

            try
            {
                await client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(reason, Recursive: false), cancellationToken);
                terminated++;
            }
            catch (RpcException exception) when (exception.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition)
            {
                // Never started, purged, or completed already: nothing runs.
            }
            catch (InvalidOperationException)
            {
                // Clients that report a missing or completed instance this way: nothing runs either.
            }
        }

        return terminated;
    }
}
