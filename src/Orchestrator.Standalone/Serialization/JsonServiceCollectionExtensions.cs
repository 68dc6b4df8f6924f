using Orchestrator.Http.Serialization;

namespace Orchestrator.Standalone.Serialization;

/// <summary>Wires the source-generated contexts into the HTTP JSON options.</summary>
public static class JsonServiceCollectionExtensions
{
    /// <summary>Serializes HTTP bodies with this host's context and the shared ones, ahead of reflection.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddStandaloneJson(this IServiceCollection services) =>
        services
            .AddOrchestratorHttpJson()
            .ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, StandaloneJsonContext.Default));
}
