using OpenTelemetry.Trace;
using Orchestrator.Hosting;

namespace Orchestrator.Standalone.Hosting;

/// <summary>Registers the journey runtime: the shared composition root (application, storage) and the background loops.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>Adds the runtime from configuration (<c>Orchestrator</c> and <c>Storage</c> sections).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddJourneyRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(RuntimeSettings.Section).Get<RuntimeSettings>() ?? new RuntimeSettings());
        services.AddOrchestrator(configuration);

        // Started in this order, each before the next: storage exists before anything reads it, samples
        // are deployed before the first request, and the loops start last.
        services.AddHostedService<StorageStartup>();
        services.AddHostedService<SampleDeployment>();
        services.AddHostedService<TimerLoop>();
        services.AddHostedService<TouchpointQueueLoop>();
        services.AddHostedService<OutboxSweep>();
        services.AddHostedService<MigrationLoop>();
        services.AddAnalyticsFold();

        // Off unless OTEL_EXPORTER_OTLP_ENDPOINT or APPLICATIONINSIGHTS_CONNECTION_STRING is set; a touchpoint's trace
        // then starts at its HTTP request.
        services.AddOrchestratorTelemetry(configuration, "orchestrator-standalone", tracing => tracing.AddAspNetCoreInstrumentation());
        return services;
    }
}
