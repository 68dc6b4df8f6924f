using System.Diagnostics;
using System.Reflection;
using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Tool;

/// <summary>
/// The CLI installs as a .NET tool from the repository, as the README shows, and answers as <c>journey</c>: packed from
/// the build this test runs on, installed into a tool path of its own from that package alone (no package feed needed).
/// </summary>
public sealed class ToolInstallTests
{
    private static readonly TimeSpan StepDeadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task PackAndInstall_FromTheRepository_JourneyValidatesTheSamples()
    {
        using var temp = new TempDirectory();
        var packages = temp.PathOf("packages");
        var tools = temp.PathOf("tools");
        var config = temp.Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="repository" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        var project = Path.Combine(RepositoryRoot.Path, "src", "Orchestrator.Cli", "Orchestrator.Cli.csproj");
        var samples = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "samples", "journeys"), "*.json").Order(StringComparer.Ordinal).ToArray();

        var packed = await RunAsync(Dotnet, ["pack", project, "-c", BuildConfiguration, "--no-build", "-o", packages, "-nologo"]);
        var installed = await RunAsync(Dotnet, ["tool", "install", "--tool-path", tools, "--configfile", config, "Orchestrator.Cli"]);
        var validated = await RunAsync(Path.Combine(tools, OperatingSystem.IsWindows() ? "journey.exe" : "journey"), ["validate", .. samples]);

        Assert.True(packed.ExitCode == 0, packed.Output);
        Assert.True(installed.ExitCode == 0, installed.Output);
        Assert.Contains("You can invoke the tool using the following command: journey", installed.Output, StringComparison.Ordinal);
        Assert.True(validated.ExitCode == 0, validated.Output);
        Assert.Contains($"{samples.Length} valid, 0 invalid", validated.Output, StringComparison.Ordinal);
    }

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    // The configuration this test project was built in, so the pack reuses the CLI's build output instead of building again.
    private static string BuildConfiguration =>
        typeof(ToolInstallTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BuildConfiguration").Value!;

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(StepDeadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {StepDeadline.TotalMinutes} minutes");
        }

        return (process.ExitCode, $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await stdout}{await stderr}");
    }
}
