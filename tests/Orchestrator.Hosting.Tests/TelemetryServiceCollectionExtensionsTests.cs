using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Orchestrator.Hosting.Tests;

public sealed class TelemetryServiceCollectionExtensionsTests
{
    [Fact]
    public void AddOrchestratorTelemetry_NoExporterConfigured_RegistersNoProvider()
    {
        using var services = Build([]);

        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
    }

    [Fact]
    public void AddOrchestratorTelemetry_OtlpEndpointSet_RegistersTracesAndMetrics()
    {
        using var services = Build(new() { [TelemetryServiceCollectionExtensions.OtlpEndpointVariable] = "http://127.0.0.1:4317" });

        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<MeterProvider>());
    }

    [Fact]
    public void AddOrchestratorTelemetry_ApplicationInsightsConnectionStringSet_RegistersTracesAndMetrics()
    {
        using var services = Build(new()
        {
            [TelemetryServiceCollectionExtensions.ApplicationInsightsVariable] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1/",
            [TelemetryServiceCollectionExtensions.ApplicationInsightsAuthenticationVariable] = "ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD",
        });

        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<MeterProvider>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddOrchestratorTelemetry(configuration, "tests").BuildServiceProvider();
    }
}
