using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Standalone.Hosting;
using Orchestrator.Standalone.Security;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Security;

[Collection(StorageCollection.Name)]
public sealed class ApiKeyStartupTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string> NoKeys = new()
    {
        ["Orchestrator:Security:ManagementKey"] = "",
        ["Orchestrator:Security:IngestionKey"] = "",
    };

    [Fact]
    public async Task StartProcess_ProductionWithoutKeys_ExitsWithCode2AndOneLineNamingTheSetting()
    {
        // The real host as a process of its own: how it ends (exit code, stderr) is what this is about.
        var startInfo = StandaloneProcessStart.For(
            Path.Combine(AppContext.BaseDirectory, "Orchestrator.Standalone.dll"), new Uri("http://127.0.0.1:0"), azurite.ConnectionString);
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.Environment["Orchestrator__Security__ManagementKey"] = "";
        startInfo.Environment["Orchestrator__Security__IngestionKey"] = "";
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the host should refuse to start at once; it still ran after 60 s and printed: {await stdout}");
        }

        var errorLines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(StartupRefusedException.ExitCode, process.ExitCode);
        var line = Assert.Single(errorLines);
        Assert.StartsWith("Journey Orchestrator did not start: No API key is configured in Orchestrator:Security:ManagementKey", line, StringComparison.Ordinal);
        Assert.Equal("", (await stdout).Trim());
    }

    [Fact]
    public async Task Start_DevelopmentWithoutKeys_GeneratesPrintsAndAcceptsThem()
    {
        var log = new CapturingLoggerProvider();
        await using var host = await RuntimeHost.StartAsync(azurite.ConnectionString, new RuntimeHostOptions
        {
            Environment = "Development",
            Settings = NoKeys,
            Services = services => services.AddSingleton<ILoggerProvider>(log),
        });
        var generated = host.Services.GetRequiredService<ApiKeys>().Generated;
        using var client = host.CreateClientWithoutKey();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/journeys");
        request.Headers.Add(TestApiKeys.Header, generated[ApiKeyScope.Management]);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(generated[ApiKeyScope.Management], generated[ApiKeyScope.Ingestion]);
        Assert.Single(log.Messages, m => m.Contains(generated[ApiKeyScope.Management], StringComparison.Ordinal));
        Assert.Single(log.Messages, m => m.Contains(generated[ApiKeyScope.Ingestion], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_GenerateDevelopmentKeysOutsideDevelopment_GeneratesThem()
    {
        await using var host = await RuntimeHost.StartAsync(azurite.ConnectionString, new RuntimeHostOptions
        {
            Environment = "Production",
            Settings = new Dictionary<string, string>(NoKeys) { ["Orchestrator:Security:GenerateDevelopmentKeys"] = "true" },
        });

        Assert.Equal(2, host.Services.GetRequiredService<ApiKeys>().Generated.Count);
    }

    [Fact]
    public async Task Start_TwoKeysConfigured_AcceptsEitherForRotation()
    {
        const string Old = "old-management-key-0123456789";
        const string New = "new-management-key-0123456789";
        await using var host = await RuntimeHost.StartAsync(azurite.ConnectionString, new RuntimeHostOptions
        {
            Environment = "Production",
            Settings = new Dictionary<string, string> { ["Orchestrator:Security:ManagementKey"] = $"{Old}, {New}" },
        });
        using var client = host.CreateClientWithoutKey();

        var statuses = new List<HttpStatusCode>();
        foreach (var key in new[] { Old, New, TestApiKeys.Management })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/journeys");
            request.Headers.Add(TestApiKeys.Header, key);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized], statuses);
    }
}
