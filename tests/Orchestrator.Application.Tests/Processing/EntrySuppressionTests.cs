using Orchestrator.Application.Processing;
using Orchestrator.Application.Tests.Support;

namespace Orchestrator.Application.Tests.Processing;

public sealed class EntrySuppressionTests : IDisposable
{
    private const string Purchase = """{ "category": "mobile-plan", "amount": 25, "device": "phone-x", "appInstalled": true }""";
    private readonly TestRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task ApplyTouchpoint_SupportCaseOpen_CrossSellEntrySuppressedAndNoted()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.SupportCase, SampleJourneys.CrossSell);
        await _runtime.ApplyAsync(TestEvents.Of("case-1", "case.opened", "cust-9", """{ "priority": "normal", "tier": "silver" }"""));

        var result = await _runtime.ApplyAsync(TestEvents.Of("buy-1", "purchase.completed", "cust-9", Purchase));

        Assert.Equal(ProcessStatus.Ignored, result.Status);
        var instances = await _runtime.Queries.ListCustomerJourneysAsync("cust-9", CancellationToken.None);
        Assert.DoesNotContain(instances, i => i.Journey == SampleJourneys.CrossSell);
        Assert.Contains(result.Entry!.Notes, n => n.Contains("suppressed while 'support-case' is active", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyTouchpoint_NoSupportCase_CrossSellStarts()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.SupportCase, SampleJourneys.CrossSell);

        var result = await _runtime.ApplyAsync(TestEvents.Of("buy-1", "purchase.completed", "cust-9", Purchase));

        Assert.Equal(ProcessStatus.Applied, result.Status);
        Assert.Contains(await _runtime.Queries.ListCustomerJourneysAsync("cust-9", CancellationToken.None), i => i.Journey == SampleJourneys.CrossSell);
    }
}
