using System.Net;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests;

[Collection(StorageCollection.Name)]
public sealed class HostTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = (await fixture.StartAsync(azurite)).Client;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Healthz_RunningHost_Returns200()
    {
        using var response = await _client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryRoute()
    {
        var document = await _client.GetJsonAsync("/openapi/v1.json");

        var paths = document.Body.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(HttpStatusCode.OK, document.Status);
        Assert.Contains("/api/touchpoints", paths);
        Assert.Contains("/api/journeys/{id}", paths);
        Assert.Contains("/api/journeys/{id}/versions/{version}", paths);
        Assert.Contains("/runtime/webhooks/durabletask/instances/{instanceId}", paths);
        Assert.Contains("/api/customers/{customerId}/timeline", paths);
        Assert.Contains("/api/customers/{customerId}/identity", paths);
        Assert.Contains("/api/journeys/{id}/versions/{version}/instances", paths);
    }

    [Fact]
    public async Task Get_UnknownRoute_Returns404Problem()
    {
        using var response = await _client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
