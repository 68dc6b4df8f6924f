using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Orchestrator.Testing;

namespace Orchestrator.LoadTest;

/// <summary>The real standalone host as a process of its own, on a free loopback port, with diagnostics on.</summary>
internal sealed class LoadHost : IAsyncDisposable
{
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private LoadHost(Process process, HttpClient http)
    {
        _process = process;
        Http = http;
    }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    /// <summary>CPU time the host process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public static string AssemblyPath =>
        typeof(LoadHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "StandaloneHostPath")?.Value is { Length: > 0 } path && File.Exists(path)
            ? path
            : throw new InvalidOperationException("The standalone host's build output was not found; build the tool with 'dotnet build -c Release'.");

    public static async Task<LoadHost> StartAsync(string connectionString, int connections, bool analytics, CancellationToken cancellationToken)
    {
        var address = FreeLoopbackAddress();
        var assembly = AssemblyPath;
        var startInfo = StandaloneProcessStart.For(assembly, address, connectionString);
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Orchestrator__Diagnostics__Enabled"] = "true";
        startInfo.Environment["Orchestrator__Analytics__Enabled"] = analytics ? "true" : "false";

        var process = new Process { StartInfo = startInfo };
        var http = new HttpClient(TestApiKeys.Handler(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(connections, 2) }))
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var host = new LoadHost(process, http);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await host.DisposeAsync();
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} while starting:\n{host.Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (watch.Elapsed > StartDeadline)
            {
                await host.DisposeAsync();
                throw new TimeoutException($"The host did not answer /healthz within {StartDeadline.TotalSeconds} s:\n{host.Output}");
            }

            await Task.Delay(HealthPollInterval, cancellationToken);
        }
    }

    public async Task DeployAsync(string journeyId, string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PutAsync(new Uri($"api/journeys/{journeyId}", UriKind.Relative), content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Deploying {journeyId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>Posts one touchpoint; true on 202.</summary>
    public async Task<bool> PostAsync(string cloudEvent, CancellationToken cancellationToken)
    {
        using var content = new StringContent(cloudEvent, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/cloudevents+json") { CharSet = "utf-8" };
        using var response = await Http.PostAsync(new Uri("api/touchpoints", UriKind.Relative), content, cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted;
    }

    /// <summary>The host's storage request counts and memory, from <c>/diagnostics/runtime</c>.</summary>
    public async Task<HostDiagnostics> DiagnosticsAsync(bool collect, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(new Uri($"diagnostics/runtime{(collect ? "?collect=true" : "")}", UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /diagnostics/runtime: {(int)response.StatusCode} {body}");
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var requests = root.GetProperty("requests").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        return new HostDiagnostics(requests, root.GetProperty("workingSetBytes").GetInt64(), root.GetProperty("gcHeapBytes").GetInt64());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    private static Uri FreeLoopbackAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_output.Length > 20_000)
            {
                _output.Remove(0, 10_000);
            }

            _output.AppendLine(line);
        }
    }
}

/// <summary>What <c>/diagnostics/runtime</c> answered.</summary>
/// <param name="Requests">Storage requests since the host started, by "operation resource".</param>
/// <param name="WorkingSetBytes">The host's working set.</param>
/// <param name="GcHeapBytes">The GC heap after the last collection.</param>
internal sealed record HostDiagnostics(IReadOnlyDictionary<string, long> Requests, long WorkingSetBytes, long GcHeapBytes);
