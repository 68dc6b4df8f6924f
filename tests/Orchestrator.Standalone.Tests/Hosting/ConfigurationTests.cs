using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Hosting;

[Collection(StorageCollection.Name)]
public sealed class ConfigurationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task OrchestratorSection_MaxBatchSize_LimitsBatches()
    {
        await using var host = await RuntimeHost.StartAsync(azurite.ConnectionString, new RuntimeHostOptions
        {
            Settings = new Dictionary<string, string> { ["Orchestrator:MaxBatchSize"] = "2" },
        });
        var batch = new JsonArray(
            CloudEvents.Invoice("inv-cap-1", "cust-cap"),
            CloudEvents.Invoice("inv-cap-2", "cust-cap"),
            CloudEvents.Invoice("inv-cap-3", "cust-cap"));

        var answer = await host.Client.PostTouchpointsAsync(CloudEvents.Content(batch, CloudEvents.Batch));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("1 to 2 events", answer.Body.Text("detail"), StringComparison.Ordinal);
    }
}
