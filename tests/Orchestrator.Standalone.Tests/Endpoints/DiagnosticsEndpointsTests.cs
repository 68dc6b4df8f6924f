using System.Net;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Endpoints;

/// <summary>The load tool's diagnostics route: absent unless switched on, and then it reports storage requests and memory.</summary>
[Collection(StorageCollection.Name)]
public sealed class DiagnosticsEndpointsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetRuntime_DiagnosticsNotEnabled_IsNotFound()
    {
        await using var host = await RuntimeHost.StartAsync(azurite.ConnectionString);

        var answer = await host.Client.GetAsync(new Uri("/diagnostics/runtime", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public async Task GetRuntime_DiagnosticsEnabled_ReportsStorageRequestsByKindAndMemory()
    {
        await using var host = await RuntimeHost.StartAsync(
            azurite.ConnectionString,
            new RuntimeHostOptions { Settings = new Dictionary<string, string> { ["Orchestrator:Diagnostics:Enabled"] = "true" } });

        var answer = await host.Client.GetJsonAsync("/diagnostics/runtime?collect=true");

        Assert.Equal(HttpStatusCode.OK, answer.Status);

        // Start-up created the tables, so at least those requests were counted.
        Assert.Contains(answer.Body.GetProperty("requests").EnumerateObject(), p => p.Name.StartsWith("table.", StringComparison.Ordinal) && p.Value.GetInt64() > 0);
        Assert.True(answer.Body.GetProperty("workingSetBytes").GetInt64() > 0);
        Assert.True(answer.Body.GetProperty("gcHeapBytes").GetInt64() > 0);
    }
}
