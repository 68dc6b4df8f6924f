using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Application;
using Orchestrator.Storage;

namespace Orchestrator.Hosting;

/// <summary>
/// The one composition root of the application and its storage, used by the standalone host and the Azure Functions
/// app alike, so a setting means the same in both.
/// </summary>
public static class OrchestratorServiceCollectionExtensions
{
    /// <summary>The <c>Orchestrator</c> section: application options, with <c>SendRules</c> beneath it.</summary>
    public const string Section = "Orchestrator";

    /// <summary>
    /// Adds the application layer (options from <c>Orchestrator</c>, send-time rules from
    /// <c>Orchestrator:SendRules</c>) and Table and Queue storage (from <c>Storage</c>), or the process's memory when
    /// <c>Storage:Mode</c> is <see cref="StorageMode.Memory"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddOrchestrator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var options = section.Get<ApplicationOptions>() ?? new ApplicationOptions();
        services.AddJourneyApplication(options with { SendRules = SendRulesSettings.Read(section.GetSection(SendRulesSettings.Section)) });
        var storage = configuration.GetSection(StorageSettings.Section);
        if (StorageSettings.ReadMode(storage) == StorageMode.Memory)
        {
            services.AddInMemoryStorage();
        }
        else
        {
            services.AddTableStorage(StorageSettings.Read(storage));
        }

        return services;
    }

    /// <summary>
    /// Adds the background analytics fold; register it after whatever creates the storage at start-up, as hosted
    /// services start in order.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddAnalyticsFold(this IServiceCollection services) => services.AddHostedService<AnalyticsLoop>();
}
