using Orchestrator.Application;
using Orchestrator.Storage;

namespace Orchestrator.Standalone.Hosting;

/// <summary>Registers the journey runtime: application layer, Table and Queue storage, background loops.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>The connection string used when <c>Storage:ConnectionString</c> is not configured: Azurite on its default ports.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>Adds the runtime from configuration (<c>Orchestrator</c> and <c>Storage</c> sections).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddJourneyRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RuntimeSettings.Section);
        var settings = section.Get<RuntimeSettings>() ?? new RuntimeSettings();
        var storage = configuration.GetSection("Storage");

        services.AddSingleton(settings);
        var options = section.Get<ApplicationOptions>() ?? new ApplicationOptions();
        services.AddJourneyApplication(options with { SendRules = SendRulesSettings.Read(section.GetSection(SendRulesSettings.Section)) });
        services.AddTableStorage(new StorageOptions
        {
            ConnectionString = storage["ConnectionString"] is { Length: > 0 } connection ? connection : DevelopmentStorage,
            Prefix = storage["Prefix"] ?? "",
        });

        // Started in this order, each before the next: storage exists before anything reads it, samples
        // are deployed before the first request, and the loops start last.
        services.AddHostedService<StorageStartup>();
        services.AddHostedService<SampleDeployment>();
        services.AddHostedService<TimerLoop>();
        services.AddHostedService<TouchpointQueueLoop>();
        services.AddHostedService<OutboxSweep>();
        services.AddHostedService<AnalyticsLoop>();
        return services;
    }
}
