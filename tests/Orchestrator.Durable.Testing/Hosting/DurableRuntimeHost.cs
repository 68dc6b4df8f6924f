using DurableTask.AzureStorage;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orchestrator.Durable.Testing.Storage;

namespace Orchestrator.Durable.Testing.Hosting;

/// <summary>
/// The real Durable Task runtime on the real Azure Storage backend, in process: the
/// <c>Microsoft.DurableTask.Worker.Grpc</c> worker and <c>Microsoft.DurableTask.Client.Grpc</c> client, connected over
/// gRPC to the InProcessTestHost's sidecar, which runs DurableTask.Core's dispatchers over an
/// <see cref="AzureStorageOrchestrationService"/> on its own task hub in the given storage account (Azurite).
/// </summary>
/// <remarks>
/// <para>
/// Orchestrations are persisted as in production: history and instance rows in tables, messages in control and
/// work-item queues, partition leases in a table. What differs from a Functions app is the dispatcher: the
/// sidecar's (package <c>Microsoft.DurableTask.InProcessTestHost</c> 0.2.3-preview.1), not the Durable extension's,
/// and it has a known defect — external events that an orchestration buffered and carries over with
/// <c>ContinueAsNew(preserveUnprocessedEvents: true)</c> are dropped (fixed upstream after that package).
/// </para>
/// <para>
/// Measured on the shared 2-core development machine (December), default options: start 0.1–0.45 s (2–4 s for the
/// first host in a process: JIT, Kestrel, gRPC); a one-activity orchestration from schedule to observed completion
/// 80–300 ms median (p90 under 1.5 s when other builds run); one external event from raise to handled 35–125 ms median;
/// dispose about 1.1 s, nearly all of it the backend releasing its partition lease (the table partition manager waits
/// a fixed second while it drains). The backend wakes its own pollers when it sends a message, so latency barely
/// depends on <see cref="DurableRuntimeHostOptions.MaxQueuePollingInterval"/>.
/// </para>
/// </remarks>
public sealed class DurableRuntimeHost : IAsyncDisposable
{
    private readonly WebApplication _sidecar;
    private readonly IHost _worker;
    private readonly GrpcChannel _channel;
    private readonly AzureStorageOrchestrationService _backend;
    private int _disposed;

    private DurableRuntimeHost(
        WebApplication sidecar, IHost worker, GrpcChannel channel, AzureStorageOrchestrationService backend, string taskHubName, StorageRequestCounter? counter)
    {
        _sidecar = sidecar;
        _worker = worker;
        _channel = channel;
        _backend = backend;
        TaskHubName = taskHubName;
        StorageRequests = counter;
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
    }

    /// <summary>A client of the task hub: schedule, raise events, query, terminate, purge.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The worker's services: those registered by the <c>services</c> callback, the client, the worker.</summary>
    public IServiceProvider Services => _worker.Services;

    /// <summary>The task hub this host's queues and tables belong to.</summary>
    public string TaskHubName { get; }

    /// <summary>
    /// The backend's storage requests by kind (<see cref="StorageRequestCounter.Snapshot"/>), or <see langword="null"/>
    /// when <see cref="DurableRuntimeHostOptions.CountStorageRequests"/> is off.
    /// </summary>
    public StorageRequestCounter? StorageRequests { get; }

    /// <summary>Starts the backend on a new task hub, the sidecar, the worker and the client.</summary>
    /// <param name="storageConnectionString">
    /// A connection string with Blob, Queue and Table endpoints (the backend uses all three), such as
    /// <c>AzuriteInstance.ConnectionString</c>.
    /// </param>
    /// <param name="register">Registers the orchestrators and activities the worker runs.</param>
    /// <param name="services">Registers services the worker's orchestrators and activities use, before the worker's own.</param>
    /// <param name="options">Backend tuning; the defaults suit tests.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A running host; dispose it to stop everything.</returns>
    /// <exception cref="ArgumentException">The connection string names no Blob endpoint, so the backend would reach for the cloud.</exception>
    public static async Task<DurableRuntimeHost> StartAsync(
        string storageConnectionString,
        Action<DurableTaskRegistry> register,
        Action<IServiceCollection>? services = null,
        DurableRuntimeHostOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(storageConnectionString);
        ArgumentNullException.ThrowIfNull(register);
        RequireBlobEndpoint(storageConnectionString);
        options ??= new DurableRuntimeHostOptions();

        var taskHubName = options.TaskHubName ?? NewTaskHubName();
        var counter = options.CountStorageRequests ? new StorageRequestCounter() : null;
        var (backend, settings) = AzureStorageBackend.Create(storageConnectionString, taskHubName, options, counter);

        // Creating the queues and tables first lets the first work item be served as soon as the worker connects.
        await backend.CreateIfNotExistsAsync().WaitAsync(cancellationToken);

        var (sidecar, address) = await SidecarServer.StartAsync(backend, backend, options.LoggerFactory, cancellationToken);
        var channel = GrpcChannel.ForAddress(address);
        IHost? worker = null;
        try
        {
            worker = BuildWorker(channel, register, services, options.LoggerFactory);
            await worker.StartAsync(cancellationToken);

            // Returning only once the backend serves the hub makes the first orchestration as fast as the others,
            // and makes stopping safe: the backend cannot be stopped before it started.
            await BackendReadiness.WaitUntilServingAsync(storageConnectionString, settings, cancellationToken);
            return new DurableRuntimeHost(sidecar, worker, channel, backend, taskHubName, counter);
        }
        catch
        {
            // Stopping what started lets the sidecar stop the backend if it got that far.
            if (worker is not null)
            {
                await worker.StopAsync(CancellationToken.None);
                worker.Dispose();
            }

            channel.Dispose();
            await sidecar.StopAsync(CancellationToken.None);
            await sidecar.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the worker, then the sidecar, then the backend (releasing its partition lease); the task hub's data stays
    /// in the storage account, which for Azurite in memory goes with the emulator.
    /// </summary>
    /// <returns>A task that completes once everything stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // The worker first, so its work-item stream closes and the sidecar stops handing out work.
        await _worker.StopAsync();
        _worker.Dispose();
        await _channel.ShutdownAsync();
        _channel.Dispose();

        // The sidecar stops its dispatchers and the backend from an un-awaited ApplicationStopping callback; stopping
        // the backend here as well is harmless (it is idempotent) and is what lets this method wait for it.
        await _sidecar.StopAsync();
        await _backend.StopAsync(isForced: true);
        await _sidecar.DisposeAsync();
        _backend.Dispose();
    }

    private static IHost BuildWorker(
        GrpcChannel channel, Action<DurableTaskRegistry> register, Action<IServiceCollection>? services, ILoggerFactory? loggerFactory)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        // The caller's services first, so activities resolving them find them whatever the worker registers.
        services?.Invoke(builder.Services);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(channel);
            worker.AddTasks(register);
        });
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });
        return builder.Build();
    }

    private static void RequireBlobEndpoint(string connectionString)
    {
        var hasBlob = connectionString.Contains("BlobEndpoint=", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);
        if (!hasBlob)
        {
            throw new ArgumentException(
                "The connection string names no BlobEndpoint. The Azure Storage backend creates blob containers whatever its " +
                "settings, and without one would send them to the development account's cloud address. Use " +
                "an Azurite with its Blob endpoint in the connection string (AzuriteInstance gives one).",
                nameof(connectionString));
        }
    }

    // Letters and digits, starting with a letter: valid as a task hub, and as the prefix of its queue and table names.
    private static string NewTaskHubName() => $"test{Guid.NewGuid():N}"[..20];
}
