using Microsoft.AspNetCore.Server.Kestrel.Core;
using Orchestrator.Application;

namespace Orchestrator.Standalone.Http;

/// <summary>Wires request size and JSON depth limits into the host.</summary>
public static class RequestLimitExtensions
{
    /// <summary>Reads <c>Orchestrator:Limits</c> and applies it to Kestrel, JSON binding and failed reads.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RequestLimits.Section).Get<RequestLimits>() ?? new RequestLimits();
        services.AddSingleton(limits);
        services.AddOptions<KestrelServerOptions>().Configure<ApplicationOptions>((kestrel, options) =>
            kestrel.Limits.MaxRequestBodySize = Math.Max(limits.MaxRequestBytes, (long)options.MaxTouchpointBytes * options.MaxBatchSize));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.MaxDepth = limits.MaxJsonDepth);

        // A body cut off by a server limit (or otherwise malformed) is the client's fault: answer its 4xx, not 500.
        services.Configure<ExceptionHandlerOptions>(handler =>
            handler.StatusCodeSelector = exception => exception is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        return services;
    }

    /// <summary>Caps every request body (see <see cref="RequestLimitMiddleware"/>).</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.UseMiddleware<RequestLimitMiddleware>();
}
