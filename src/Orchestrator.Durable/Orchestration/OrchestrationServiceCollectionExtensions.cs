using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Orchestrator.Durable.Orchestration;

/// <summary>Registers the shared services of the Durable Functions runtime.</summary>
public static class OrchestrationServiceCollectionExtensions
{
    /// <summary>Adds the journey activities and the Durable touchpoint router; call after <c>AddJourneyApplication</c>.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddJourneyOrchestration(this IServiceCollection services)
    {
        services.TryAddSingleton<JourneyActivities>();
        services.TryAddSingleton<DurableTouchpointRouter>();
        return services;
    }
}
