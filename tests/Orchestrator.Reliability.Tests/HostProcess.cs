using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Orchestrator.Conformance.Tests.Harness;
using Orchestrator.Testing;

namespace Orchestrator.Reliability.Tests;

/// <summary>The real standalone host as a process of its own, which a test can kill without warning.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(10);
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly Lock _gate = new();

    private HostProcess(Process process) => _process = process;

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

    public int ProcessId => _process.Id;

    /// <summary>What the host printed last, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.Count == 0 ? "(nothing)" : new StringBuilder().AppendJoin('\n', _output).ToString();
            }
        }
    }

    /// <summary>A loopback address with a port nothing listens on now.</summary>
    /// <returns>The address.</returns>
    public static Uri FreeLoopbackAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Starts <c>dotnet Orchestrator.Standalone.dll</c> and returns once <c>/healthz</c> answers.</summary>
    /// <param name="address">Where it listens.</param>
    /// <param name="connectionString">Its storage account.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running host.</returns>
    public static async Task<HostProcess> StartAsync(Uri address, string connectionString, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var assembly = AssemblyPath;
        var startInfo = StandaloneProcessStart.For(assembly, address, connectionString);
        startInfo.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        // These tests count deliveries: the default quiet hours (sms 21:00-08:00 UTC) would defer some actions at night.
        startInfo.Environment["Orchestrator__SendRules__Preset"] = "none";

        // Says how many actions a start re-sent from outboxes, which the kill test reports.
        startInfo.Environment["Logging__LogLevel__Orchestrator.Standalone.Hosting.StorageStartup"] = "Information";
        startInfo.Environment["Logging__LogLevel__Orchestrator.Application.Actions.ActionDispatcher"] = "Information";

        var process = new Process { StartInfo = startInfo };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    if (process.HasExited)
                    {
                        throw new InvalidOperationException($"The host exited with code {process.ExitCode} while starting:\n{host.Output}");
                    }

                    using var response = await probe.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
                    return response.StatusCode == HttpStatusCode.OK;
                },
                StartDeadline,
                () => $"the host (process {process.Id}) to answer GET /healthz with 200 at {address}; it printed:\n{host.Output}",
                cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>A client for a host process that sends the test API keys.</summary>
    /// <param name="address">The host's address.</param>
    /// <param name="timeout">How long a request may take.</param>
    /// <returns>The client.</returns>
    public static HttpClient CreateClient(Uri address, TimeSpan timeout) =>
        new(TestApiKeys.Handler(new SocketsHttpHandler())) { BaseAddress = address, Timeout = timeout };

    /// <summary>kill -9: ends the host and its children at once, with no chance to finish anything.</summary>
    /// <returns>A task that completes when the process is gone.</returns>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(ExitDeadline);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await KillAsync();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_output.Count == KeptLines)
            {
                _output.Dequeue();
            }

            _output.Enqueue(line);
        }
    }
}
