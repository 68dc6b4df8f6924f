using System.Diagnostics;

namespace Orchestrator.Testing;

/// <summary>
/// How test tools start the real standalone host as a process of its own: <c>dotnet Orchestrator.Standalone.dll</c>
/// on a loopback address, against a given storage account, with the test API keys and no sample deployment.
/// </summary>
public static class StandaloneProcessStart
{
    /// <summary>Builds the start info; callers add their own settings to <see cref="ProcessStartInfo.Environment"/>.</summary>
    /// <param name="assemblyPath">The built <c>Orchestrator.Standalone.dll</c>.</param>
    /// <param name="address">Where the host listens.</param>
    /// <param name="connectionString">Its storage account.</param>
    /// <returns>Start info with output redirected, so callers can keep what the host printed.</returns>
    public static ProcessStartInfo For(string assemblyPath, Uri address, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(address);
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(assemblyPath);
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add(address.GetLeftPart(UriPartial.Authority));
        startInfo.Environment["Storage__ConnectionString"] = connectionString;
        startInfo.Environment["Orchestrator__DeploySamplesFrom"] = "";
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in TestApiKeys.EnvironmentVariables)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }
}
