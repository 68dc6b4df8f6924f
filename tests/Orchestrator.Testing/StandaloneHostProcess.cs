using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Orchestrator.Testing;

/// <summary>
/// The real standalone host as a process of its own on a loopback address: started from its build output, kept until
/// <c>/healthz</c> answers, what it printed kept for failure messages, and killed without warning when asked.
/// </summary>
public sealed class StandaloneHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly OutputLog _output = new();

    private StandaloneHostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where the host listens.</summary>
    public Uri Address { get; }

    /// <summary>The host's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>What the host printed last, for failure messages.</summary>
    public string Output => _output.ToString();

    /// <summary>CPU time the host process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
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

    /// <summary>Starts <c>dotnet Orchestrator.Standalone.dll</c> and returns once <c>/healthz</c> answers 200.</summary>
    /// <param name="assemblyPath">The built <c>Orchestrator.Standalone.dll</c>.</param>
    /// <param name="address">Where it listens.</param>
    /// <param name="connectionString">Its storage account.</param>
    /// <param name="configure">Adds the caller's own settings, such as environment variables.</param>
    /// <param name="startDeadline">How long the host may take to answer.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running host.</returns>
    /// <exception cref="InvalidOperationException">The host exited while starting.</exception>
    /// <exception cref="TimeoutException">The host did not answer within <paramref name="startDeadline"/>.</exception>
    public static async Task<StandaloneHostProcess> StartAsync(
        string assemblyPath, Uri address, string connectionString, Action<ProcessStartInfo>? configure, TimeSpan startDeadline, CancellationToken cancellationToken)
    {
        var startInfo = StandaloneProcessStart.For(assemblyPath, address, connectionString);
        configure?.Invoke(startInfo);
        var process = new Process { StartInfo = startInfo };
        var host = new StandaloneHostProcess(process, address);
        process.OutputDataReceived += (_, e) => host._output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => host._output.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilHealthyAsync(startDeadline, cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>kill -9: ends the host and its children at once, with no chance to finish anything.</summary>
    /// <returns>A task that completes when the process is gone.</returns>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(ExitDeadline);
    }

    /// <inheritdoc />
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

    private async Task WaitUntilHealthyAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The probe's own timeout: a host still starting under load.
            }

            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException($"The host (process {_process.Id}) did not answer GET /healthz with 200 at {Address} within {deadline.TotalSeconds:0} s; it printed:\n{Output}");
            }

            await Task.Delay(HealthPollInterval, cancellationToken);
        }
    }
}
