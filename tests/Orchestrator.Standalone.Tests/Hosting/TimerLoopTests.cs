using System.Net;
using Orchestrator.Standalone.Tests.Support;
using Orchestrator.Testing;

namespace Orchestrator.Standalone.Tests.Hosting;

[Collection(StorageCollection.Name)]
public sealed class TimerLoopTests(AzuriteFixture azurite, HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private RuntimeHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await fixture.StartAsync(azurite, setUp: host => TestJourneys.DeployAsync(host.Client, TestJourneys.Read(TestJourneys.Bill)));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Clock_PastWaitForTimeout_FiresTimerIntoNextStep()
    {
        await _host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-timeout", "cust-timeout")));

        _host.TestClock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));

        var status = await Eventually.WaitAsync(
            () => _host.Client.GetStatusAsync("test-bill:cust-timeout:inv-timeout"),
            s => s.Body.Text("customStatus", "step") == "wait-after-reminder",
            "the wait-pay timeout to move the instance to wait-after-reminder");
        Assert.Equal(HttpStatusCode.Accepted, status.Status);
        var actions = (await ActionsQueue.DrainAsync(_host.Queue("actions"))).For("cust-timeout");
        Assert.Equal(["invoice-ready", "payment-link", "payment-reminder"], actions.Select(a => a.Text("action")));
    }

    [Fact]
    public async Task Clock_PastOneOfTwoTimeouts_FiresOnlyTheDueOne()
    {
        await _host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-first", "cust-first")));
        _host.TestClock.Advance(TimeSpan.FromDays(1));
        await _host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-second", "cust-second")));

        _host.TestClock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));

        await Eventually.WaitAsync(
            () => _host.Client.GetStatusAsync("test-bill:cust-first:inv-first"),
            s => s.Body.Text("customStatus", "step") == "wait-after-reminder",
            "the first customer's timeout, due now, to fire");
        var second = await _host.Client.GetStatusAsync("test-bill:cust-second:inv-second");
        Assert.Equal("wait-pay", second.Body.Text("customStatus", "step"));
        Assert.DoesNotContain((await ActionsQueue.DrainAsync(_host.Queue("actions"))).For("cust-second"), a => a.Text("action") == "payment-reminder");
    }

    [Fact]
    public async Task Clock_PastEveryTimeout_CompletesWithOutcomeAnd200()
    {
        await _host.Client.PostTouchpointsAsync(CloudEvents.Content(CloudEvents.Invoice("inv-expire", "cust-expire")));
        _host.TestClock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        await Eventually.WaitAsync(
            () => _host.Client.GetStatusAsync("test-bill:cust-expire:inv-expire"),
            s => s.Body.Text("customStatus", "step") == "wait-after-reminder",
            "the first timeout to fire");

        _host.TestClock.Advance(TimeSpan.FromDays(4) + TimeSpan.FromMinutes(1));

        var status = await Eventually.WaitAsync(
            () => _host.Client.GetStatusAsync("test-bill:cust-expire:inv-expire"),
            s => s.Status == HttpStatusCode.OK,
            "the second timeout to end the instance, answered 200 as Durable does for a completed instance");
        Assert.Equal("Completed", status.Body.Text("runtimeStatus"));
        Assert.Equal("failure", status.Body.Text("output", "outcome"));
        Assert.Equal("no-payment", status.Body.Text("output", "reason"));
    }
}
