using System.ComponentModel;
using System.Diagnostics;
using Orchestrator.Testing;

namespace Orchestrator.Durable.Testing.Azurite;

/// <summary>
/// An Azurite of its own with the Blob, Queue and Table services, in memory, on loopback ports the operating
/// system chose: what the Durable Task Azure Storage backend needs. Disposing it kills the emulator.
/// </summary>
/// <remarks>
/// <para>
/// The backend creates a blob container for its app lease and large messages whatever its settings, so a
/// connection string without a Blob endpoint would send those requests to the public cloud endpoint of the
/// development account. <c>Orchestrator.Testing.AzuriteInstance</c> starts the same Azurite but exposes only
/// Table and Queue; once it exposes Blob too, this class can go and hosts can take its connection string.
/// </para>
/// <para>
/// Started like <c>AzuriteInstance</c>: the all-in-one entry with port 0 for each service, because it prints
/// the ports it actually bound, and a watchdog script so Azurite exits with the test process.
/// </para>
/// </remarks>
public sealed class DurableStorageEmulator : IAsyncDisposable
{
    /// <summary>The development storage account every Azurite serves.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The development storage account's key, published with Azurite; not a secret.</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string Loopback = "127.0.0.1";

    // A cold start takes about 0.6 s on an idle 2-core machine and 2-3 s on a very busy one; the rest is margin.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly string _workspace;
    private int _disposed;

    private DurableStorageEmulator(Process process, string workspace, EmulatorEndpoints endpoints)
    {
        _process = process;
        _workspace = workspace;
        BlobEndpoint = new Uri(endpoints.Blob, AccountName);
        QueueEndpoint = new Uri(endpoints.Queue, AccountName);
        TableEndpoint = new Uri(endpoints.Table, AccountName);
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";
    }

    /// <summary>The Blob service endpoint for the development account.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The Queue service endpoint for the development account.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The Table service endpoint for the development account.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>A connection string naming the development account and this instance's three endpoints.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts Azurite and returns once its Blob, Queue and Table services accept connections.</summary>
    /// <param name="cancellationToken">Cancels the start; the emulator is killed.</param>
    /// <returns>The running emulator.</returns>
    /// <exception cref="InvalidOperationException">
    /// Azurite could not be installed or started, exited, or did not listen in time; the message includes the
    /// command and what Azurite printed.
    /// </exception>
    public static async Task<DurableStorageEmulator> StartAsync(CancellationToken cancellationToken = default)
    {
        var repositoryRoot = RepositoryRoot.Find();
        var entryScript = await AzuriteInstallation.EnsureAsync(repositoryRoot, cancellationToken);

        // Azurite's working directory is its workspace even in memory; keep it out of the repository.
        var workspace = Directory.CreateTempSubdirectory("journey-durable-azurite-").FullName;
        string watchdog;
        try
        {
            watchdog = await ParentWatchdog.WriteToAsync(workspace, cancellationToken);
        }
        catch
        {
            DeleteWorkspace(workspace);
            throw;
        }

        var startInfo = StartInfo(watchdog, entryScript, workspace);
        var output = new OutputLog();
        var readiness = new EmulatorReadiness();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) =>
        {
            output.Add(e.Data);
            readiness.OnOutputLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);

        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            DeleteWorkspace(workspace);
            throw new InvalidOperationException(
                $"Could not start node to run Azurite ({exception.Message}). Install Node.js 20 or later and put it on PATH.",
                exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var endpoints = await readiness.Ready.WaitAsync(StartTimeout, cancellationToken);
            return new DurableStorageEmulator(process, workspace, endpoints);
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            var problem = exception is TimeoutException
                ? $"Azurite did not report its Blob, Queue and Table services listening within {StartTimeout.TotalSeconds} seconds."
                : exception.Message;
            await StopAsync(process, workspace);
            throw new InvalidOperationException(
                $"{problem}\nCommand: {startInfo.FileName} {string.Join(' ', startInfo.ArgumentList)}\n" +
                $"Working directory: {workspace}\nIt printed:\n{output}",
                exception);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(process, workspace);
            throw;
        }
    }

    /// <summary>Kills Azurite and deletes its workspace; everything it stored is gone.</summary>
    /// <returns>A task that completes once the emulator has exited.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await StopAsync(_process, _workspace);
        }
    }

    private static ProcessStartInfo StartInfo(string watchdog, string entryScript, string workspace)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = workspace,
            RedirectStandardInput = true, // the watchdog's lifeline; never written to
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--require", watchdog,
            entryScript,
            "--blobHost", Loopback, "--blobPort", "0",
            "--queueHost", Loopback, "--queuePort", "0",
            "--tableHost", Loopback, "--tablePort", "0",
            "--inMemoryPersistence",
            "--silent",
            "--disableTelemetry",
            // The storage SDKs speak service versions newer than Azurite 3.35 (the last on Node 20) knows.
            "--skipApiVersionCheck",
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static async Task StopAsync(Process process, string workspace)
    {
        try
        {
            // Nothing in memory is worth a graceful shutdown; killing is immediate and cannot hang.
            process.Kill(entireProcessTree: true);
            try
            {
                await process.WaitForExitAsync().WaitAsync(StopTimeout);
            }
            catch (TimeoutException exception)
            {
                throw new InvalidOperationException(
                    $"Azurite (process {process.Id}) did not exit within {StopTimeout.TotalSeconds} seconds of being killed.",
                    exception);
            }
        }
        finally
        {
            process.Dispose();
            DeleteWorkspace(workspace);
        }
    }

    private static void DeleteWorkspace(string workspace)
    {
        try
        {
            Directory.Delete(workspace, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover folder in the temp directory harms no test; failing the run over it would.
        }
    }
}
