namespace Orchestrator.Standalone.Security;

/// <summary>Wires API keys into the host.</summary>
public static class ApiKeyExtensions
{
    /// <summary>
    /// Reads the keys from <c>Orchestrator:Security</c>; throws <see cref="Hosting.StartupRefusedException"/> at once, so the host
    /// does not start, when they are missing or unusable.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <param name="environment">The host environment, for development keys.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddApiKeys(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var settings = configuration.GetSection(ApiKeySettings.Section).Get<ApiKeySettings>() ?? new ApiKeySettings();
        services.AddSingleton(ApiKeys.Create(settings, environment.IsDevelopment()));
        services.AddHostedService<DevelopmentKeyAnnouncement>();
        return services;
    }

    /// <summary>Requires a key on every request but the open paths.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseApiKeys(this IApplicationBuilder app) => app.UseMiddleware<ApiKeyMiddleware>();
}
