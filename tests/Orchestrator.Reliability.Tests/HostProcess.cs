using System.Reflection;
using Orchestrator.Testing;

namespace Orchestrator.Reliability.Tests;

/// <summary>The real standalone host as a process of its own, which a test can kill without warning, set up for these tests.</summary>
public static class HostProcess
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);

    /// <summary>The host's build output, recorded at build time, wherever the artifacts path put it.</summary>
    public static string AssemblyPath
    {
        get
        {
            var path = typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "StandaloneHostPath")?.Value;
            return path is { Length: > 0 } && File.Exists(path)
                ? path
                : throw new InvalidOperationException($"The standalone host's build output was not found (recorded path: '{path}').");
        }
    }

    /// <summary>A loopback address with a port nothing listens on now.</summary>
    /// <returns>The address.</returns>
    public static Uri FreeLoopbackAddress() => StandaloneHostProcess.FreeLoopbackAddress();

    /// <summary>Starts <c>dotnet Orchestrator.Standalone.dll</c> and returns once <c>/healthz</c> answers.</summary>
    /// <param name="address">Where it listens.</param>
    /// <param name="connectionString">Its storage account.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running host.</returns>
    public static Task<StandaloneHostProcess> StartAsync(Uri address, string connectionString, CancellationToken cancellationToken) =>
        StandaloneHostProcess.StartAsync(
            AssemblyPath,
            address,
            connectionString,
            startInfo =>
            {
                startInfo.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

                // These tests count deliveries: the default quiet hours (sms 21:00-08:00 UTC) would defer some actions at night.
                startInfo.Environment["Orchestrator__SendRules__Preset"] = "none";

                // Says how many actions a start re-sent from outboxes, which the kill test reports.
                startInfo.Environment["Logging__LogLevel__Orchestrator.Standalone.Hosting.StorageStartup"] = "Information";
                startInfo.Environment["Logging__LogLevel__Orchestrator.Application.Actions.ActionDispatcher"] = "Information";
            },
            StartDeadline,
            cancellationToken);

    /// <summary>A client for a host process that sends the test API keys.</summary>
    /// <param name="address">The host's address.</param>
    /// <param name="timeout">How long a request may take.</param>
    /// <returns>The client.</returns>
    public static HttpClient CreateClient(Uri address, TimeSpan timeout) =>
        new(TestApiKeys.Handler(new SocketsHttpHandler())) { BaseAddress = address, Timeout = timeout };
}
