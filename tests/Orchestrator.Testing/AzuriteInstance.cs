using System.ComponentModel;
using System.Diagnostics;

namespace Orchestrator.Testing;

/// <summary>
/// An Azurite storage emulator of its own: the Blob, Queue and Table services, in memory, on loopback
/// ports the operating system chose. Disposing it kills the emulator and everything stored in it.
/// </summary>
/// <remarks>
/// <para>
/// Every instance is a separate node process, so instances share no data and never collide on
/// ports, whether in one test run or in test projects running side by side. Azurite is the version
/// pinned in the repository's package.json; if node_modules lacks it, <c>npm ci</c> runs once first.
/// </para>
/// <para>
/// Azurite runs through its all-in-one entry: unlike the single-service entries, it prints the port it
/// actually bound when given port 0, so no free port has to be guessed beforehand and no other process can
/// take it in between. The journey stores use Table and Queue; the Durable Task runtime's Azure Storage
/// backend uses all three.
/// </para>
/// </remarks>
public sealed class AzuriteInstance : IAsyncDisposable
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

    private AzuriteInstance(Process process, string workspace, Uri blobAddress, Uri queueAddress, Uri tableAddress)
    {
        _process = process;
        _workspace = workspace;
        BlobEndpoint = new Uri(blobAddress, AccountName);
        QueueEndpoint = new Uri(queueAddress, AccountName);
        TableEndpoint = new Uri(tableAddress, AccountName);
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint={BlobEndpoint};TableEndpoint={TableEndpoint};QueueEndpoint={QueueEndpoint};";
    }

    /// <summary>The Blob service endpoint for the development account, e.g. <c>http://127.0.0.1:41233/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The Table service endpoint for the development account, e.g. <c>http://127.0.0.1:41234/devstoreaccount1</c>.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The Queue service endpoint for the development account, e.g. <c>http://127.0.0.1:41235/devstoreaccount1</c>.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>
    /// A connection string naming the development account and this instance's Blob, Table and Queue
    /// endpoints, accepted by every storage client (and by the Durable Task runtime's Azure Storage backend).
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>Starts Azurite and returns once its Blob, Queue and Table services accept connections.</summary>
    /// <exception cref="InvalidOperationException">
    /// Azurite could not be installed or started, exited, or did not listen in time; the message
    /// includes the command and what Azurite printed.
    /// </exception>
    public static async Task<AzuriteInstance> StartAsync(CancellationToken cancellationToken = default)
    {
        var repositoryRoot = RepositoryRoot.Find();
        var entryScript = await AzuriteInstallation.EnsureAsync(repositoryRoot, cancellationToken);

        // Azurite's working directory is its workspace even in memory; keep it out of the repository.
        var workspace = Directory.CreateTempSubdirectory("journey-azurite-").FullName;
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
        var readiness = new AzuriteReadiness();
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
            var (blob, queue, table) = await readiness.Ready.WaitAsync(StartTimeout, cancellationToken);
            return new AzuriteInstance(process, workspace, blob, queue, table);
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
            // No access log on stdout; the debug log is off unless --debug names a file.
            "--silent",
            // Telemetry would also write an instance-id file into the workspace.
            "--disableTelemetry",
            // Azure.Storage.Queues 12.28 speaks service version 2026-10-06; Azurite 3.35 (the last on
            // Node 20) knows up to 2025-11-05 and otherwise rejects every queue request with 400.
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
