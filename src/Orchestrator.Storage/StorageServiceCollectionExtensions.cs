using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Application.Ports;
using Orchestrator.Storage.Memory;

namespace Orchestrator.Storage;

/// <summary>Registers the storage ports: on Azure Table Storage and Storage Queues, or in memory.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers every storage port as a singleton on Azure Table Storage and Storage Queues (or Azurite), and
    /// <see cref="IStorageInitializer"/> to create the tables and queues at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="options">Account and names.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(_ => new AzureStorageAccount(options));
        services.AddSingleton<IStorageInitializer>(Account);
        services.AddSingleton<ICustomerStore>(sp => Account(sp).CustomerStore());
        services.AddSingleton<IInstanceDirectory>(sp => Account(sp).InstanceDirectory());
        services.AddSingleton<ITimerStore>(sp => Account(sp).TimerStore());
        services.AddSingleton<IDefinitionStore>(sp => Account(sp).DefinitionStore());
        services.AddSingleton<IIdentityStore>(sp => Account(sp).IdentityStore());
        services.AddSingleton<IPoisonStore>(sp => Account(sp).PoisonStore());
        services.AddSingleton<IAnalyticsStore>(sp => Account(sp).AnalyticsStore());
        services.AddSingleton<IDispatchLog>(sp => Account(sp).DispatchLog());
        services.AddSingleton<IMigrationStore>(sp => Account(sp).MigrationStore());
        services.AddSingleton<ITouchpointInbox>(sp => Account(sp).TouchpointInbox());
        services.AddSingleton<IActionSink>(sp => Account(sp).ActionSink());
        return services;
    }

    /// <summary>
    /// Registers every storage port as a singleton in memory, for tests and local runs. Queue visibility
    /// follows the registered <see cref="TimeProvider"/>, or the system clock.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddInMemoryStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IStorageInitializer, InMemoryStorageInitializer>();
        services.AddSingleton<ICustomerStore, InMemoryCustomerStore>();
        services.AddSingleton<IInstanceDirectory, InMemoryInstanceDirectory>();
        services.AddSingleton<ITimerStore, InMemoryTimerStore>();
        services.AddSingleton<IDefinitionStore, InMemoryDefinitionStore>();
        services.AddSingleton<IIdentityStore, InMemoryIdentityStore>();
        services.AddSingleton<IPoisonStore, InMemoryPoisonStore>();
        services.AddSingleton<IAnalyticsStore, InMemoryAnalyticsStore>();
        services.AddSingleton<IDispatchLog, InMemoryDispatchLog>();
        services.AddSingleton<IMigrationStore, InMemoryMigrationStore>();
        services.AddSingleton(sp => new InMemoryTouchpointInbox(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<ITouchpointInbox>(sp => sp.GetRequiredService<InMemoryTouchpointInbox>());

        // The concrete sink too, so a host or test can read what was sent.
        services.AddSingleton<InMemoryActionSink>();
        services.AddSingleton<IActionSink>(sp => sp.GetRequiredService<InMemoryActionSink>());
        return services;
    }

    private static AzureStorageAccount Account(IServiceProvider services) => services.GetRequiredService<AzureStorageAccount>();
}
