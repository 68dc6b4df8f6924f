using Orchestrator.Application.Serialization;

namespace Orchestrator.Http.Serialization;

/// <summary>Wires the source-generated contexts into the HTTP JSON options every host's results are written with.</summary>
public static class HttpJsonServiceCollectionExtensions
{
    /// <summary>
    /// Serializes HTTP bodies with the shared contracts' and the application layer's JSON contexts, ahead of whatever
    /// resolvers are configured already.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddOrchestratorHttpJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, HttpJsonContext.Default);
            options.SerializerOptions.TypeInfoResolverChain.Insert(1, ApplicationJsonContext.Default);
        });
}
