using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Orchestrator.Testing;

namespace Orchestrator.Console.Tests.Support;

/// <summary>
/// The real standalone host as a process of its own on a loopback port, serving the console's built page from the
/// repository (<c>src/Orchestrator.Standalone/wwwroot</c>) and the API on an Azurite account, as <c>./eng/run.sh</c> runs it.
/// </summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly Lock _gate = new();

    private ConsoleHost(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where the host listens.</summary>
    public Uri Address { get; }

    /// <summary>The repository, recorded at build time.</summary>
    public static string RepositoryRoot => Metadata("RepositoryRoot");

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

    /// <summary>Starts the host and returns once <c>/healthz</c> answers.</summary>
    /// <param name="connectionString">The Azurite account.</param>
    /// <param name="prefix">Table and queue name prefix, so runs never share data.</param>
    /// <returns>The running host.</returns>
    public static async Task<ConsoleHost> StartAsync(string connectionString, string prefix)
    {
        var webRoot = Path.Combine(RepositoryRoot, "src", "Orchestrator.Standalone", "wwwroot");
        if (!File.Exists(Path.Combine(webRoot, "console", "index.html")))
        {
            throw new InvalidOperationException(
                $"The console is not built ({webRoot}/console/index.html is missing): run 'npm ci && npm run build' in src/Orchestrator.Console, as ./eng/test.sh does.");
        }

        var address = FreeLoopbackAddress();
        var startInfo = StandaloneProcessStart.For(Metadata("StandaloneHostPath"), address, connectionString);
        startInfo.Environment["Storage__Prefix"] = prefix;
        startInfo.Environment["ASPNETCORE_WEBROOT"] = webRoot;
        var process = new Process { StartInfo = startInfo };
        var host = new ConsoleHost(process, address);
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

                    try
                    {
                        using var response = await probe.GetAsync(new Uri("healthz", UriKind.Relative));
                        return response.StatusCode == HttpStatusCode.OK;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                StartDeadline,
                () => $"the host to answer GET /healthz at {address}; it printed:\n{host.Output}");
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>A client that sends the test API keys.</summary>
    /// <returns>The client.</returns>
    public HttpClient CreateClient() =>
        new(TestApiKeys.Handler(new SocketsHttpHandler())) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static Uri FreeLoopbackAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private static string Metadata(string key)
    {
        var value = typeof(ConsoleHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
        return value is { Length: > 0 } ? value : throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
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
