using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Support;

/// <summary>One <see cref="RuntimeHost"/> per test class, started by the class's first test with its set-up.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private Task<RuntimeHost>? _host;

    /// <summary>Starts the host once; later calls return the same host.</summary>
    /// <param name="azurite">The storage account.</param>
    /// <param name="options">How to start it.</param>
    /// <param name="setUp">Runs once after the start, such as deploying the class's journeys.</param>
    /// <returns>The host.</returns>
    public Task<RuntimeHost> StartAsync(AzuriteFixture azurite, RuntimeHostOptions? options = null, Func<RuntimeHost, Task>? setUp = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        lock (_gate)
        {
            return _host ??= StartOnceAsync(azurite.ConnectionString, options, setUp);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is { IsCompletedSuccessfully: true })
        {
            await (await _host).DisposeAsync();
        }
    }

    private static async Task<RuntimeHost> StartOnceAsync(string connectionString, RuntimeHostOptions? options, Func<RuntimeHost, Task>? setUp)
    {
        var host = await RuntimeHost.StartAsync(connectionString, options);
        if (setUp is not null)
        {
            await setUp(host);
        }

        return host;
    }
}
