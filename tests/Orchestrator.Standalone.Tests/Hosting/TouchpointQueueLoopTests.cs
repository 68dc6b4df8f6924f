using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Application.Ports;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Hosting;

[Collection(StorageCollection.Name)]
public sealed class TouchpointQueueLoopTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private RuntimeHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await fixture.StartAsync(azurite, setUp: host => TestJourneys.DeployAsync(host.Client, TestJourneys.Read(TestJourneys.Bill)));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Queue_CloudEventMessage_IsAppliedAndDeleted()
    {
        var queue = _host.Queue("touchpoints");
        await queue.SendMessageAsync(CloudEvents.Invoice("inv-queued", "cust-queued").ToJsonString());

        var status = await Eventually.WaitAsync(
            () => _host.Client.GetStatusAsync("test-bill:cust-queued:inv-queued"),
            s => s.Body.Text("customStatus", "step") == "wait-pay",
            "the queued invoice to start an instance");

        Assert.Equal("Running", status.Body.Text("runtimeStatus"));
        await Eventually.WaitAsync(
            async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount,
            count => count == 0,
            "the applied message to be deleted from the touchpoints queue");
    }

    [Fact]
    public async Task Queue_InvalidMessage_IsKeptAsideAsPoison()
    {
        var cloudEvent = CloudEvents.Invoice("inv-poison", "cust-poison");
        cloudEvent.Remove("subject");
        await _host.Queue("touchpoints").SendMessageAsync(cloudEvent.ToJsonString());
        var poison = _host.Services.GetRequiredService<IPoisonStore>();

        var entries = await Eventually.WaitAsync(
            () => poison.ListAsync(100, CancellationToken.None),
            list => list.Any(e => e.Body.Contains("inv-poison", StringComparison.Ordinal)),
            "the message without a subject to be kept aside as poison");

        var entry = Assert.Single(entries, e => e.Body.Contains("inv-poison", StringComparison.Ordinal));
        Assert.Contains("subject", entry.Reason, StringComparison.Ordinal);
        Assert.Equal("queue", entry.Source);
    }
}
