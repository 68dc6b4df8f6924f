using Orchestrator.Application.Ports;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Tests.Timers;

public sealed class TimerServiceTests : IDisposable
{
    private const string BillInstance = "bill-payment:cust-1:inv-1";
    private const string CrossSellInstance = "cross-sell:cust-2:buy-1";
    private readonly TestRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task FireDueAsync_OneOfTwoDue_FiresOnlyItDeletesItAndWakesItsInstance()
    {
        await StartBillPaymentAndCrossSellAsync();
        _runtime.Clock.Advance(TimeSpan.FromDays(2));

        var fired = await _runtime.TimerService.FireDueAsync(CancellationToken.None);

        Assert.Equal(1, fired);
        var crossSell = await _runtime.InstanceAsync("cust-2", CrossSellInstance);
        Assert.NotEqual("cool-off", crossSell.State.CurrentStep);
        var wakeUp = (await _runtime.TimelineAsync("cust-2"))[^1];
        Assert.Equal("wakeUp", wakeUp.Kind);
        Assert.Equal((DecisionKind.DelayElapsed, "cool-off"), (wakeUp.Decisions[0].Decision.Kind, wakeUp.Decisions[0].Decision.Step));
        Assert.Equal("wait-pay", (await _runtime.InstanceAsync("cust-1", BillInstance)).State.CurrentStep);
        Assert.Single(await _runtime.TimelineAsync("cust-1"));

        var remaining = await _runtime.Timers.GetDueAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None);
        Assert.DoesNotContain(new DueTimer("cust-2", CrossSellInstance, TestRuntime.T0.AddDays(2)), remaining);
        Assert.Contains(new DueTimer("cust-1", BillInstance, TestRuntime.T0.AddDays(3)), remaining);
        Assert.Contains(remaining, t => t.InstanceId == CrossSellInstance && t.DueAt > TestRuntime.T0.AddDays(2));
    }

    [Fact]
    public async Task FireDueAsync_NothingDue_FiresNothing()
    {
        await StartBillPaymentAndCrossSellAsync();
        _runtime.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromTicks(1));

        Assert.Equal(0, await _runtime.TimerService.FireDueAsync(CancellationToken.None));
        Assert.Equal(2, (await _runtime.Timers.GetDueAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task FireDueAsync_BothDue_FiresEachOnce()
    {
        await StartBillPaymentAndCrossSellAsync();
        _runtime.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(2, await _runtime.TimerService.FireDueAsync(CancellationToken.None));
        Assert.Equal(0, await _runtime.TimerService.FireDueAsync(CancellationToken.None));

        Assert.Equal("wait-after-sms", (await _runtime.InstanceAsync("cust-1", BillInstance)).State.CurrentStep);
        Assert.Empty(await _runtime.Timers.GetDueAsync(_runtime.Clock.GetUtcNow(), 10, CancellationToken.None));
    }

    [Fact]
    public async Task FireDueAsync_StaleTimer_DeletedWithoutTouchingInstance()
    {
        await StartBillPaymentAndCrossSellAsync();
        await _runtime.Timers.ScheduleAsync(new DueTimer("cust-1", BillInstance, TestRuntime.T0.AddHours(1)), CancellationToken.None);
        _runtime.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await _runtime.TimerService.FireDueAsync(CancellationToken.None));

        Assert.Single(await _runtime.TimelineAsync("cust-1"));
        Assert.Equal(TestRuntime.T0.AddDays(2), await _runtime.TimerService.NextDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FireDueAsync_MoreThanOneBatchDue_FiresAll()
    {
        for (var i = 0; i < 250; i++)
        {
            await _runtime.Timers.ScheduleAsync(new DueTimer($"cust-{i}", $"gone-{i}", TestRuntime.T0.AddSeconds(i)), CancellationToken.None);
        }

        _runtime.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(250, await _runtime.TimerService.FireDueAsync(CancellationToken.None));
        Assert.Null(await _runtime.TimerService.NextDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task NextDueAsync_NoTimers_Null() =>
        Assert.Null(await _runtime.TimerService.NextDueAsync(CancellationToken.None));

    [Fact]
    public async Task NextDueAsync_Timers_EarliestEvenWhenNotDue()
    {
        await StartBillPaymentAndCrossSellAsync();

        Assert.Equal(TestRuntime.T0.AddDays(2), await _runtime.TimerService.NextDueAsync(CancellationToken.None));
    }

    private async Task StartBillPaymentAndCrossSellAsync()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment, SampleJourneys.CrossSell);
        await _runtime.ApplyAsync(TestEvents.Invoice("inv-1", "cust-1"));
        await _runtime.ApplyAsync(TestEvents.Of(
            "buy-1", "purchase.completed", "cust-2", """{ "category": "mobile-plan", "amount": 25, "device": "phone-x", "appInstalled": true }"""));
        Assert.Equal("cool-off", (await _runtime.InstanceAsync("cust-2", CrossSellInstance)).State.CurrentStep);
    }
}
