using System.Reflection;
using Orchestrator.Testing;

namespace Orchestrator.Console.Tests.Support;

/// <summary>
/// The real standalone host as a process of its own on a loopback port, serving the console's built page from the
/// repository (<c>src/Orchestrator.Standalone/wwwroot</c>) and the API on an Azurite account, as <c>./eng/run.sh</c> runs it.
/// </summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly StandaloneHostProcess _process;

    private ConsoleHost(StandaloneHostProcess process) => _process = process;

    /// <summary>Where the host listens.</summary>
    public Uri Address => _process.Address;

    /// <summary>The repository, recorded at build time.</summary>
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    /// <summary>What the host printed last, for failure messages.</summary>
    public string Output => _process.Output;

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

        var process = await StandaloneHostProcess.StartAsync(
            Metadata("StandaloneHostPath"),
            StandaloneHostProcess.FreeLoopbackAddress(),
            connectionString,
            startInfo =>
            {
                startInfo.Environment["Storage__Prefix"] = prefix;
                startInfo.Environment["ASPNETCORE_WEBROOT"] = webRoot;
            },
            StartDeadline,
            CancellationToken.None);
        return new ConsoleHost(process);
    }

    /// <summary>A client that sends the test API keys.</summary>
    /// <returns>The client.</returns>
    public HttpClient CreateClient() =>
        new(TestApiKeys.Handler(new SocketsHttpHandler())) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static string Metadata(string key)
    {
        var value = typeof(ConsoleHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
        return value is { Length: > 0 } ? value : throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
    }
}
