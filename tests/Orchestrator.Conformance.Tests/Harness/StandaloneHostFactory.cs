using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orchestrator.Testing;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>The real standalone host, in process, on a given storage account and clock.</summary>
/// <param name="connectionString">The storage account (an Azurite of the test's own).</param>
/// <param name="clock">The host's clock, in place of the system clock.</param>
public sealed class StandaloneHostFactory(string connectionString, TimeProvider clock) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Storage:ConnectionString", connectionString);
        foreach (var (key, value) in TestApiKeys.Settings)
        {
            builder.UseSetting(key, value);
        }

        // The simulator runs one journey without the cross-journey send-time rules, and so does this suite.
        builder.UseSetting("Orchestrator:SendRules:Preset", "none");

        // The tests deploy what they run; nothing else may be live.
        builder.UseSetting("Orchestrator:DeploySamplesFrom", "");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(clock);
        });
    }

    /// <summary>A client that sends the test API keys: the ingestion key to touchpoints, the management key elsewhere.</summary>
    /// <returns>The client.</returns>
    public HttpClient CreateClientWithKeys() => CreateDefaultClient(TestApiKeys.Handler());
}
