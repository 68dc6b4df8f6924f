using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Orchestrator.Testing;

namespace Orchestrator.LoadTest;

/// <summary>The real standalone host as a process of its own, on a free loopback port, with diagnostics on.</summary>
internal sealed class LoadHost : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly StandaloneHostProcess _process;

    private LoadHost(StandaloneHostProcess process, HttpClient http)
    {
        _process = process;
        Http = http;
    }

    public HttpClient Http { get; }

    public int ProcessId => _process.ProcessId;

    /// <summary>CPU time the host process has used so far.</summary>
    public TimeSpan CpuTime => _process.CpuTime;

    public string Output => _process.Output;

    public static string AssemblyPath =>
        typeof(LoadHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "StandaloneHostPath")?.Value is { Length: > 0 } path && File.Exists(path)
            ? path
            : throw new InvalidOperationException("The standalone host's build output was not found; build the tool with 'dotnet build -c Release'.");

    /// <summary>Starts the host on Azurite, or with its state in memory when no connection string is given, as the settings say.</summary>
    public static async Task<LoadHost> StartAsync(string? connectionString, LoadSettings settings, CancellationToken cancellationToken)
    {
        var process = await StandaloneHostProcess.StartAsync(
            AssemblyPath,
            StandaloneHostProcess.FreeLoopbackAddress(),
            connectionString ?? "",
            startInfo =>
            {
                if (connectionString is null)
                {
                    startInfo.Environment["Storage__Mode"] = "Memory";
                }

                startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
                startInfo.Environment["Orchestrator__Diagnostics__Enabled"] = "true";
                startInfo.Environment["Orchestrator__Analytics__Enabled"] = settings.Analytics ? "true" : "false";
                startInfo.Environment["Orchestrator__GroupCommit"] = settings.GroupCommit ? "true" : "false";
                startInfo.Environment["Storage__Tables__LeanTransport"] = settings.SdkTables ? "false" : "true";
                if (settings.HostCpus is { } cpus)
                {
                    // taskset runs the host itself (exec), so the pid, CPU time and allocations read stay the host's.
                    startInfo.ArgumentList.Insert(0, startInfo.FileName);
                    startInfo.ArgumentList.Insert(0, cpus);
                    startInfo.ArgumentList.Insert(0, "--cpu-list");
                    startInfo.FileName = "taskset";
                }
            },
            StartDeadline,
            cancellationToken);
        var http = new HttpClient(TestApiKeys.Handler(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(settings.Concurrency, 2) }))
        {
            BaseAddress = process.Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        return new LoadHost(process, http);
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

    /// <summary>Posts structured-mode CloudEvents as one batch (<c>application/cloudevents-batch+json</c>).</summary>
    public async Task<bool> PostBatchAsync(IEnumerable<string> cloudEvents, CancellationToken cancellationToken)
    {
        using var content = new StringContent($"[{string.Join(',', cloudEvents)}]", Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/cloudevents-batch+json") { CharSet = "utf-8" };
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
        return new HostDiagnostics(requests, root.GetProperty("workingSetBytes").GetInt64(), root.GetProperty("gcHeapBytes").GetInt64())
        {
            TotalAllocatedBytes = root.GetProperty("totalAllocatedBytes").GetInt64(),
            ActionsSent = root.TryGetProperty("actionsSent", out var actions) ? actions.GetInt32() : null,
        };
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }
}

/// <summary>What <c>/diagnostics/runtime</c> answered.</summary>
/// <param name="Requests">Storage requests since the host started, by "operation resource".</param>
/// <param name="WorkingSetBytes">The host's working set.</param>
/// <param name="GcHeapBytes">The GC heap after the last collection.</param>
internal sealed record HostDiagnostics(IReadOnlyDictionary<string, long> Requests, long WorkingSetBytes, long GcHeapBytes)
{
    /// <summary>Bytes the host allocated since it started.</summary>
    public long TotalAllocatedBytes { get; init; }

    /// <summary>Actions sent, when the host keeps them in memory; null when they go to a queue.</summary>
    public int? ActionsSent { get; init; }
}
