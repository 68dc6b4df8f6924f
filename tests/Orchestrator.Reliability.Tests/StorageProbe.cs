using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Application;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Queries;
using Orchestrator.Storage;

namespace Orchestrator.Reliability.Tests;

/// <summary>Reads instance state, outboxes and dispatch marks straight from storage, through the application's own ports.</summary>
public sealed class StorageProbe : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <summary>Opens the storage account.</summary>
    /// <param name="connectionString">The account.</param>
    public StorageProbe(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJourneyApplication();
        services.AddTableStorage(new StorageOptions { ConnectionString = connectionString });
        _services = services.BuildServiceProvider();
        Queries = _services.GetRequiredService<InstanceQueries>();
        Customers = _services.GetRequiredService<ICustomerStore>();
        DispatchLog = _services.GetRequiredService<IDispatchLog>();
    }

    public InstanceQueries Queries { get; }

    /// <summary>The customer store, for its outboxes.</summary>
    public ICustomerStore Customers { get; }

    /// <summary>The marks of dispatched actions.</summary>
    public IDispatchLog DispatchLog { get; }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
