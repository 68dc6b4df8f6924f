using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Durable.Testing.Storage;

namespace Orchestrator.Durable.Testing.Hosting;

/// <summary>Creates the Azure Storage orchestration service a host runs on: its settings, its counted storage clients.</summary>
internal static class AzureStorageBackend
{
    /// <summary>Settings tuned for tests, over clients that report to <paramref name="counter"/> when given one.</summary>
    public static (AzureStorageOrchestrationService Service, AzureStorageOrchestrationServiceSettings Settings) Create(
        string connectionString, string taskHubName, DurableRuntimeHostOptions options, StorageRequestCounter? counter)
    {
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = taskHubName,
            StorageAccountClientProvider = ClientProvider(connectionString, counter),
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            // The app lease arbitrates between app versions sharing a task hub; a test hub has one worker, and the
            // lease would delay the partition manager's start by its acquire interval.
            UseAppLease = false,
            LoggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance,
            // One worker per hub: a fixed id keeps its partition-table rows readable in a failure dump.
            WorkerId = "test-worker",
        };
        options.ConfigureBackend?.Invoke(settings);
        return (new AzureStorageOrchestrationService(settings), settings);
    }

    private static StorageAccountClientProvider ClientProvider(string connectionString, StorageRequestCounter? counter)
    {
        return new StorageAccountClientProvider(
            new CountingClientProvider<BlobServiceClient, BlobClientOptions>(
                () => new BlobClientOptions(),
                options => new BlobServiceClient(connectionString, options),
                Policy(StorageService.Blob, new BlobServiceClient(connectionString).Uri)),
            new CountingClientProvider<QueueServiceClient, QueueClientOptions>(
                () => new QueueClientOptions(),
                options => new QueueServiceClient(connectionString, options),
                Policy(StorageService.Queue, new QueueServiceClient(connectionString).Uri)),
            new CountingClientProvider<TableServiceClient, TableClientOptions>(
                () => new TableClientOptions(),
                options => new TableServiceClient(connectionString, options),
                Policy(StorageService.Table, new TableServiceClient(connectionString).Uri)));

        CountingPolicy? Policy(StorageService service, Uri endpoint) =>
            counter is null ? null : new CountingPolicy(counter, service, endpoint.AbsolutePath.Trim('/') is { Length: > 0 } account ? account + "/" : "");
    }
}
