using System.Net;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Console;

/// <summary>How the host serves the console's built files at <c>/console</c>, from a web root of the test's own.</summary>
[Collection(StorageCollection.Name)]
public sealed class ConsoleHostingTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _webRoot = Directory.CreateTempSubdirectory("console-webroot-").FullName;

    public void Dispose() => Directory.Delete(_webRoot, recursive: true);

    [Fact]
    public async Task Console_Built_ServesItsFilesAndItsPageForAnyRouteBelowWithoutAKey()
    {
        Directory.CreateDirectory(Path.Combine(_webRoot, "console", "assets"));
        await File.WriteAllTextAsync(Path.Combine(_webRoot, "console", "index.html"), "<!doctype html><title>console page</title>");
        await File.WriteAllTextAsync(Path.Combine(_webRoot, "console", "assets", "index-abc123.js"), "console.log(1);");
        await using var host = await StartAsync();
        using var client = host.CreateClientWithoutKey();

        using var page = await client.GetAsync(new Uri("/console/", UriKind.Relative));
        using var asset = await client.GetAsync(new Uri("/console/assets/index-abc123.js", UriKind.Relative));
        using var deep = await client.GetAsync(new Uri("/console/map/bill-payment", UriKind.Relative));
        using var api = await client.GetAsync(new Uri("/api/journeys", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("console page", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deep.StatusCode);
        Assert.Contains("console page", await deep.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Console_NotBuilt_Answers404SayingHowToBuildIt()
    {
        await using var host = await StartAsync();
        using var client = host.CreateClientWithoutKey();

        using var answer = await client.GetAsync(new Uri("/console/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("npm run build", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<RuntimeHost> StartAsync() => RuntimeHost.StartAsync(
        azurite.ConnectionString,
        new RuntimeHostOptions { Settings = new Dictionary<string, string> { ["webroot"] = _webRoot } });
}
