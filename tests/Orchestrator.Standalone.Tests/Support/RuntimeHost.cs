using Azure.Storage.Queues;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Support;

/// <summary>The real standalone host, in process, on an Azurite account, with its own tables and queues.</summary>
public sealed class RuntimeHost : IAsyncDisposable
{
    /// <summary>Where the test clock starts: Monday 2026-03-02 08:00Z.</summary>
    public static readonly DateTimeOffset ClockStart = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly Factory _factory;
    private readonly string _connectionString;

    private RuntimeHost(string connectionString, RuntimeHostOptions options)
    {
        _connectionString = connectionString;
        Prefix = options.Prefix ?? NewPrefix();
        Clock = options.SystemClock ? null : new FakeTimeProvider(ClockStart);
        _factory = new Factory(connectionString, Prefix, Clock, options);
        if (options.Kestrel)
        {
            _factory.UseKestrel(0);
        }
    }

    /// <summary>The table and queue name prefix.</summary>
    public string Prefix { get; }

    /// <summary>The test clock; null when the host runs on the system clock.</summary>
    public FakeTimeProvider? Clock { get; }

    /// <summary>A client for the host.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>The test clock, for tests that need one.</summary>
    public FakeTimeProvider TestClock => Clock ?? throw new InvalidOperationException("This host runs on the system clock.");

    /// <summary>Starts a host; it serves once storage exists and start-up deployments are done.</summary>
    /// <param name="connectionString">The Azurite account.</param>
    /// <param name="options">How to start it.</param>
    /// <returns>The running host.</returns>
    public static Task<RuntimeHost> StartAsync(string connectionString, RuntimeHostOptions? options = null)
    {
        var host = new RuntimeHost(connectionString, options ?? new RuntimeHostOptions());

        // WebApplicationFactory starts the host synchronously on first use; keep that off the test's thread.
        return Task.Run(() =>
        {
            host.Client = host._factory.CreateDefaultClient(TestApiKeys.Handler());
            return host;
        });
    }

    /// <summary>A client for one of this host's queues, reading messages as the plain text they are.</summary>
    /// <param name="name">The queue name without the prefix: <c>actions</c> or <c>touchpoints</c>.</param>
    /// <returns>The client.</returns>
    public QueueClient Queue(string name) =>
        new(_connectionString, Prefix + name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

    /// <summary>A client that sends no API key, for tests of what the host answers without one.</summary>
    /// <returns>The client.</returns>
    public HttpClient CreateClientWithoutKey() => _factory.CreateDefaultClient();

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await _factory.DisposeAsync();
    }

    private static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    private sealed class Factory(string connectionString, string prefix, FakeTimeProvider? clock, RuntimeHostOptions options)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Storage:ConnectionString", connectionString);
            builder.UseSetting("Storage:Prefix", prefix);
            foreach (var (key, value) in TestApiKeys.Settings)
            {
                builder.UseSetting(key, value);
            }

            if (options.Environment is not null)
            {
                builder.UseEnvironment(options.Environment);
            }

            if (options.DeploySamplesFrom is not null)
            {
                builder.UseSetting("Orchestrator:DeploySamplesFrom", options.DeploySamplesFrom);
            }

            foreach (var (key, value) in options.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            builder.ConfigureTestServices(services =>
            {
                if (clock is not null)
                {
                    services.RemoveAll<TimeProvider>();
                    services.AddSingleton<TimeProvider>(clock);
                }

                options.Services?.Invoke(services);
            });
        }
    }
}
