using Azure.Core;
using Azure.Core.Pipeline;
using DurableTask.AzureStorage;

namespace Orchestrator.Durable.Testing.Storage;

/// <summary>
/// Gives the backend storage clients whose pipelines count their requests: fresh client options with a
/// <see cref="CountingPolicy"/> every time the backend asks, so the policy is never added twice to shared options.
/// </summary>
/// <typeparam name="TClient">The storage service client.</typeparam>
/// <typeparam name="TOptions">Its options.</typeparam>
/// <param name="newOptions">Makes default options.</param>
/// <param name="createClient">Makes a client over the connection string with the given options.</param>
/// <param name="policy">The counting policy, or <see langword="null"/> to count nothing.</param>
internal sealed class CountingClientProvider<TClient, TOptions>(
    Func<TOptions> newOptions,
    Func<TOptions, TClient> createClient,
    HttpPipelinePolicy? policy) : IStorageServiceClientProvider<TClient, TOptions>
    where TOptions : ClientOptions
{
    public TOptions CreateOptions()
    {
        var options = newOptions();
        if (policy is not null)
        {
            // Per retry, so every request that reaches the wire is counted once.
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return options;
    }

    public TClient CreateClient(TOptions options) => createClient(options);
}
