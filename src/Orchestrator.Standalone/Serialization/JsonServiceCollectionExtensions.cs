using Orchestrator.Application.Serialization;

namespace Orchestrator.Standalone.Serialization;

/// <summary>Wires the source-generated contexts into the HTTP JSON options.</summary>
public static class JsonServiceCollectionExtensions
{
    /// <summary>Serializes HTTP bodies with the host's and the application layer's JSON contexts.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddStandaloneJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, StandaloneJsonContext.Default);
            options.SerializerOptions.TypeInfoResolverChain.Insert(1, ApplicationJsonContext.Default);
        });
}
