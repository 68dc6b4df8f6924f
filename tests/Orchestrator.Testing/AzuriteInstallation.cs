using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Orchestrator.Testing;

/// <summary>
/// Makes sure the Azurite version pinned in the repository's package.json is installed in its
/// node_modules, running <c>npm ci</c> when it is missing or stale.
/// </summary>
/// <remarks>
/// Test projects run in parallel processes and may all find node_modules missing at once; a
/// machine-wide named mutex per repository lets exactly one of them install while the others wait
/// and then find the installation done.
/// </remarks>
internal static class AzuriteInstallation
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Returns the path of Azurite's entry script, installing it first if needed.</summary>
    public static Task<string> EnsureAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var entryScript = EntryScript(repositoryRoot);
        if (IsCurrent(repositoryRoot))
        {
            return Task.FromResult(entryScript);
        }

        // A mutex belongs to the thread that took it, so the whole locked section runs on one thread.
        return Task.Run(() => InstallUnderLock(repositoryRoot, entryScript, cancellationToken), cancellationToken);
    }

    /// <summary>The script every <c>azurite</c> command runs; started through node directly so no shell shim sits between.</summary>
    internal static string EntryScript(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>Whether node_modules holds exactly the Azurite version package.json pins.</summary>
    internal static bool IsCurrent(string repositoryRoot)
    {
        var installedManifest = Path.Combine(repositoryRoot, "node_modules", "azurite", "package.json");
        if (!File.Exists(EntryScript(repositoryRoot)) || !File.Exists(installedManifest))
        {
            return false;
        }

        return PinnedVersion(repositoryRoot) == ReadString(installedManifest, "version");
    }

    private static string PinnedVersion(string repositoryRoot)
    {
        var manifest = Path.Combine(repositoryRoot, "package.json");
        return ReadString(manifest, "devDependencies", "azurite")
            ?? throw new InvalidOperationException($"{manifest} does not pin an azurite version in devDependencies.");
    }

    private static string? ReadString(string jsonFile, params string[] path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(jsonFile));
        var element = document.RootElement;
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    private static string InstallUnderLock(string repositoryRoot, string entryScript, CancellationToken cancellationToken)
    {
        using var mutex = new Mutex(initiallyOwned: false, MutexName(repositoryRoot));
        try
        {
            if (!mutex.WaitOne(InstallTimeout))
            {
                throw new TimeoutException(
                    $"Waited {InstallTimeout.TotalMinutes} minutes for another process's 'npm ci' in {repositoryRoot}; " +
                    "run 'npm ci' there by hand.");
            }
        }
        catch (AbandonedMutexException)
        {
            // The holder died mid-install; the mutex is now ours and the check below decides whether to install again.
        }

        try
        {
            if (!IsCurrent(repositoryRoot))
            {
                cancellationToken.ThrowIfCancellationRequested();
                RunNpmCi(repositoryRoot);
            }

            return IsCurrent(repositoryRoot)
                ? entryScript
                : throw new InvalidOperationException(
                    $"'npm ci' in {repositoryRoot} finished but {entryScript} is still missing or not the pinned version.");
        }
        finally
        {
            mutex.ReleaseMutex();
        }
    }

    private static void RunNpmCi(string repositoryRoot)
    {
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new OutputLog();
        using var npm = new Process { StartInfo = startInfo };
        npm.OutputDataReceived += (_, e) => output.Add(e.Data);
        npm.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            npm.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"Azurite is not installed in {repositoryRoot} and npm could not be started to install it ({exception.Message}). " +
                "Install Node.js 20 or later and run 'npm ci' in the repository root.",
                exception);
        }

        npm.BeginOutputReadLine();
        npm.BeginErrorReadLine();
        if (!npm.WaitForExit(InstallTimeout))
        {
            npm.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"'npm ci' in {repositoryRoot} did not finish within {InstallTimeout.TotalMinutes} minutes. It printed:\n{output}");
        }

        // The timed wait may return before the redirected streams are drained; this one waits for them.
        npm.WaitForExit();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'npm ci' in {repositoryRoot} failed with exit code {npm.ExitCode}. It printed:\n{output}");
        }
    }

    /// <summary>One name per repository checkout, so unrelated checkouts on one machine never wait for each other.</summary>
    private static string MutexName(string repositoryRoot)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(repositoryRoot)));
        return $"Global\\journey-orchestrator-npm-ci-{Convert.ToHexStringLower(hash)[..16]}";
    }
}
