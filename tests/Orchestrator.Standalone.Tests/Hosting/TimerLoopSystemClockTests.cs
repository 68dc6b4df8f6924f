using System.Diagnostics;
using System.Net;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Hosting;

[Collection(StorageCollection.Name)]
public sealed class TimerLoopSystemClockTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private RuntimeHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await fixture.StartAsync(
            azurite,
            new RuntimeHostOptions { SystemClock = true },
            host => TestJourneys.DeployAsync(host.Client, TestJourneys.Read(TestJourneys.QuickPing)));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SystemClock_OneSecondTimeout_FiresWithinAboutASecondOfDue()
    {
        var elapsed = Stopwatch.StartNew();
        var accepted = await _host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Event("ping-1", "ping.sent", "cust-ping")));
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);

        var status = await Eventually.WaitAsync(
            () => _host.Client.GetStatusAsync("quick-ping:cust-ping:ping-1"),
            s => s.Status == HttpStatusCode.OK,
            "the one-second timeout to end the instance");

        Assert.Equal("neutral", status.Body.Text("output", "outcome"));
        Assert.True(
            elapsed.Elapsed < TimeSpan.FromSeconds(4),
            $"a timer due after 1 s fired after {elapsed.Elapsed.TotalSeconds:0.0} s; the loop must wake when a timer is scheduled, not poll slowly");
    }
}
