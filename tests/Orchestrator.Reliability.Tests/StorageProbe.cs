using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Application;
using Orchestrator.Application.Queries;
using Orchestrator.Storage;

namespace Orchestrator.Reliability.Tests;

/// <summary>Reads instance state straight from storage, through the application's own queries, while no host runs.</summary>
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
    }

    public InstanceQueries Queries { get; }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
