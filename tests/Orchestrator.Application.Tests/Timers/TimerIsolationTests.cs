using Orchestrator.Application.Tests.Support;
using Orchestrator.Application.Timers;

namespace Orchestrator.Application.Tests.Timers;

public sealed class TimerIsolationTests : IDisposable
{
    private const string BillInstance = "bill-payment:cust-1:inv-1";
    private const string CrossSellInstance = "cross-sell:cust-2:buy-1";
    private readonly TestRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task FireDueAsync_OneWakeUpFails_OthersStillFireAndTheFailedOneIsRetriedLater()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment, SampleJourneys.CrossSell);
        await _runtime.ApplyAsync(TestEvents.Invoice("inv-1", "cust-1"));
        await _runtime.ApplyAsync(TestEvents.Of(
            "buy-1", "purchase.completed", "cust-2", """{ "category": "mobile-plan", "amount": 25, "device": "phone-x", "appInstalled": true }"""));
        _runtime.Clock.Advance(TimeSpan.FromDays(3));
        _runtime.Customers.FailingCustomer = "cust-1";

        await _runtime.TimerService.FireDueAsync(CancellationToken.None);

        Assert.NotEqual("cool-off", (await _runtime.InstanceAsync("cust-2", CrossSellInstance)).State.CurrentStep);
        var retry = Assert.Single(await _runtime.Timers.GetDueAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None), t => t.InstanceId == BillInstance);
        Assert.Equal(_runtime.Clock.GetUtcNow() + TimerService.RetryDelay, retry.DueAt);

        _runtime.Customers.FailingCustomer = null;
        _runtime.Clock.Advance(TimerService.RetryDelay);
        await _runtime.TimerService.FireDueAsync(CancellationToken.None);

        Assert.Equal("wait-after-sms", (await _runtime.InstanceAsync("cust-1", BillInstance)).State.CurrentStep);
    }
}
