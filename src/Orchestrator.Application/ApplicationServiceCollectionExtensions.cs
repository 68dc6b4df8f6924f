using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Identity;
using Orchestrator.Application.Operations;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Queries;
using Orchestrator.Application.Timers;
using Orchestrator.Application.Touchpoints;

namespace Orchestrator.Application;

/// <summary>Registers the application layer; the storage ports are registered by a storage package.</summary>
public static class ApplicationServiceCollectionExtensions
{
    /// <summary>Adds the application services, with the system clock unless a <see cref="TimeProvider"/> is registered.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">Options; defaults when null.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddJourneyApplication(this IServiceCollection services, ApplicationOptions? options = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        options ??= new ApplicationOptions();
        services.TryAddSingleton(options);
        services.TryAddSingleton<DefinitionCatalog>();
        services.TryAddSingleton<DefinitionService>();
        services.TryAddSingleton<VersionLifecycle>();
        services.TryAddSingleton<ActionDispatcher>();
        services.TryAddSingleton(options.Analytics);
        services.TryAddSingleton<Analytics.AnalyticsAggregator>();
        services.TryAddSingleton<Analytics.AnalyticsQueries>();
        services.TryAddSingleton<Analytics.ArmFiguresSource>();
        services.TryAddSingleton<CustomerProcessor>();
        services.TryAddSingleton<TimerService>();
        services.TryAddSingleton<IdentityResolver>();
        services.TryAddSingleton<TouchpointIngress>();
        services.TryAddSingleton<InstanceQueries>();
        services.TryAddSingleton<InstanceOperations>();
        services.TryAddSingleton<Migrations.IInstanceMover, Migrations.CustomerInstanceMover>();
        services.TryAddSingleton<Migrations.MigrationService>();
        return services;
    }
}
