using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.Application.Ports;

namespace Orchestrator.Durable.Orchestration;

/// <summary>Registers the shared services of the Durable Functions runtime.</summary>
public static class OrchestrationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the journey activities and the Durable touchpoint router, and replaces the timer store: durable timers in
    /// each orchestration wake instances, so no wake-up is stored. Call after <c>AddJourneyApplication</c> and the storage.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddJourneyOrchestration(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ITimerStore, DurableTimerStore>());
        services.TryAddSingleton<JourneyActivities>();
        services.TryAddSingleton<DurableTouchpointRouter>();
        services.TryAddSingleton<Ingress.DurableTouchpointIngress>();
        return services;
    }
}
