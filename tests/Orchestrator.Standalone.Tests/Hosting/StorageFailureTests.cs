using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.Application.Ports;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Standalone.Tests.Support.Fakes;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Hosting;

[Collection(StorageCollection.Name)]
public sealed class StorageFailureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Post_CustomerStoreDown_Returns202QueuedForRetry()
    {
        await using var host = await RuntimeHost.StartAsync(azurite.ConnectionString, new RuntimeHostOptions
        {
            Services = services => services.Replace(ServiceDescriptor.Singleton<ICustomerStore, UnavailableCustomerStore>()),
        });

        var answer = await host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-retry", "cust-retry")));

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("Queued", answer.Body.GetProperty("accepted")[0].Text("status"));
    }

    [Fact]
    public async Task Post_CustomerStoreAndQueueDown_Returns503Problem()
    {
        await using var host = await RuntimeHost.StartAsync(azurite.ConnectionString, new RuntimeHostOptions
        {
            Services = services =>
            {
                services.Replace(ServiceDescriptor.Singleton<ICustomerStore, UnavailableCustomerStore>());
                services.Replace(ServiceDescriptor.Singleton<ITouchpointInbox, UnavailableTouchpointInbox>());
            },
        });

        var answer = await host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-lost", "cust-lost")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Contains("inv-lost", answer.Body.Text("detail"), StringComparison.Ordinal);
        Assert.Empty(answer.Body.GetProperty("accepted").EnumerateArray());
    }

    [Fact]
    public async Task Get_UnhandledStoreError_Returns500ProblemWithoutInternals()
    {
        await using var host = await RuntimeHost.StartAsync(azurite.ConnectionString, new RuntimeHostOptions
        {
            Services = services => services.Replace(ServiceDescriptor.Singleton<ICustomerStore, UnavailableCustomerStore>()),
        });

        using var response = await host.Client.GetAsync(new Uri("/api/customers/cust-any/timeline", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":500", body, StringComparison.Ordinal);
        Assert.DoesNotContain(UnavailableCustomerStore.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(UnavailableCustomerStore), body, StringComparison.Ordinal);
    }
}
