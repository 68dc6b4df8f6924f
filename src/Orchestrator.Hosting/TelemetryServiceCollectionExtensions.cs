using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orchestrator.Application.Rules;
using Orchestrator.Application.Telemetry;
using Orchestrator.Storage.Diagnostics;

namespace Orchestrator.Hosting;

/// <summary>
/// OpenTelemetry for both hosts: the journey spans (<see cref="JourneyTracing.SourceName"/>) and the orchestrator's
/// meters, exported by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the other standard
/// <c>OTEL_EXPORTER_OTLP_*</c> variables itself) and to Application Insights when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set. With neither, nothing is registered: no listener samples the
/// source, and tracing costs nothing on the hot path.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The standard variable that switches the OTLP exporter on.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard variable that names the service; the host's default name applies when it is unset.</summary>
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    /// <summary>Where Application Insights telemetry goes (set by the Azure deployment).</summary>
    public const string ApplicationInsightsVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>How to authenticate to Application Insights: <c>ClientId=&lt;id&gt;;Authorization=AAD</c>, as local authentication is off.</summary>
    public const string ApplicationInsightsAuthenticationVariable = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The meters exported: send-time rule skips and storage requests.</summary>
    public static IReadOnlyList<string> MeterNames { get; } = [SendMetrics.MeterName, StorageRequestCounter.MeterName];

    /// <summary>Adds OpenTelemetry tracing and metrics when an exporter is configured; otherwise adds nothing.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration (environment variables included).</param>
    /// <param name="serviceName">The service name when <c>OTEL_SERVICE_NAME</c> is not set.</param>
    /// <param name="tracing">More trace sources the host adds, such as its HTTP server instrumentation.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddOrchestratorTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName, Action<TracerProviderBuilder>? tracing = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
        var applicationInsights = configuration[ApplicationInsightsVariable] is { Length: > 0 } connectionString ? connectionString : null;
        if (!otlp && applicationInsights is null)
        {
            return services;
        }

        var credential = applicationInsights is null ? null : ApplicationInsightsCredential(configuration[ApplicationInsightsAuthenticationVariable]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(configuration[ServiceNameVariable]))
                {
                    resource.AddService(serviceName);
                }
            })
            .WithTracing(builder =>
            {
                builder.AddSource(JourneyTracing.SourceName);
                tracing?.Invoke(builder);
                if (otlp)
                {
                    builder.AddOtlpExporter();
                }

                if (applicationInsights is not null)
                {
                    builder.AddAzureMonitorTraceExporter(options => Configure(options, applicationInsights, credential));
                }
            })
            .WithMetrics(builder =>
            {
                builder.AddMeter([.. MeterNames]);
                if (otlp)
                {
                    builder.AddOtlpExporter();
                }

                if (applicationInsights is not null)
                {
                    builder.AddAzureMonitorMetricExporter(options => Configure(options, applicationInsights, credential));
                }
            });
        return services;
    }

    private static void Configure(AzureMonitorExporterOptions options, string connectionString, TokenCredential? credential)
    {
        options.ConnectionString = connectionString;
        if (credential is not null)
        {
            options.Credential = credential;
        }
    }

    // "ClientId=<id>;Authorization=AAD" (a user-assigned identity) or "Authorization=AAD" (the system-assigned one): the
    // same setting the Functions host reads, so the worker's exporter authenticates as the host's does.
    private static ManagedIdentityCredential? ApplicationInsightsCredential(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication))
        {
            return null;
        }

        var parts = authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !kind.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
