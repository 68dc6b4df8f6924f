using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Durable.Testing.Hosting;

/// <summary>How a <see cref="DurableRuntimeHost"/> tunes the Azure Storage backend; the defaults suit tests.</summary>
public sealed class DurableRuntimeHostOptions
{
    /// <summary>
    /// The task hub's name: letters and digits, starting with a letter, at most 45 characters. By default a new
    /// unique name per host, so hosts sharing one Azurite never see each other's queues and tables.
    /// </summary>
    public string? TaskHubName { get; set; }

    /// <summary>
    /// The longest wait between two polls of an idle queue (the backend backs off from 50 ms up to this; the
    /// backend's default is 30 s). Messages the host itself sends (starts, events, activity calls and results) wake
    /// the pollers at once, so this bounds mainly how late a durable timer fires, and the idle load: about 20
    /// requests per second at 100 ms, 10 at 250 ms, 7 at 500 ms (measured with one partition).
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Control queues (partitions). One is enough for a single worker, and it means one queue to poll instead of
    /// the default four.
    /// </summary>
    public int PartitionCount { get; set; } = 1;

    /// <summary>Where the backend, the sidecar and the worker log; nowhere by default.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Whether the backend's storage requests are counted in <see cref="DurableRuntimeHost.StorageRequests"/>; on by default.</summary>
    public bool CountStorageRequests { get; set; } = true;

    /// <summary>Changes any other backend setting, after this class applied its own; for tests that need one.</summary>
    public Action<AzureStorageOrchestrationServiceSettings>? ConfigureBackend { get; set; }
}
