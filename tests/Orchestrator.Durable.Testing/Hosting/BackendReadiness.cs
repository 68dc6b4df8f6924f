using System.Diagnostics;
using Azure.Data.Tables;
using DurableTask.AzureStorage;

namespace Orchestrator.Durable.Testing.Hosting;

/// <summary>
/// Tells when the backend serves its task hub: the sidecar starts it only once the worker connected, in a callback
/// nobody can await, and it then claims its control queues in the partitions table. Once every partition names this
/// worker as owner, the backend is started and listening.
/// </summary>
internal static class BackendReadiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    // A start takes a few hundred milliseconds; a very busy machine may need seconds.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Waits until the worker owns every partition; returns at once for blob-lease partition management, which it cannot see.</summary>
    /// <exception cref="TimeoutException">The partitions were not all owned in time.</exception>
    public static async Task WaitUntilServingAsync(string connectionString, AzureStorageOrchestrationServiceSettings settings, CancellationToken cancellationToken)
    {
        if (!settings.UseTablePartitionManagement || settings.UseLegacyPartitionManagement)
        {
            return;
        }

        // A client of its own: these reads are the host's, not the backend's, and stay out of the request counts.
        var table = new TableClient(connectionString, $"{settings.TaskHubName}Partitions");
        var watch = Stopwatch.StartNew();
        var owned = 0;
        while (true)
        {
            owned = 0;
            await foreach (var lease in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                if (lease.GetString("CurrentOwner") == settings.WorkerId)
                {
                    owned++;
                }
            }

            if (owned == settings.PartitionCount)
            {
                return;
            }

            if (watch.Elapsed > Deadline)
            {
                throw new TimeoutException(
                    $"The Azure Storage backend of task hub '{settings.TaskHubName}' did not own its {settings.PartitionCount} partition(s) " +
                    $"within {Deadline.TotalSeconds} s of the worker starting (it owned {owned}): the sidecar did not start it, or it cannot reach storage.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
