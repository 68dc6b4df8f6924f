using Orchestrator.Application.Tests.Support;

namespace Orchestrator.Application.Tests.Actions;

public sealed class RecoverIfDispatchFailedTests : IDisposable
{
    private readonly TestRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task RecoverIfDispatchFailedAsync_NoFailure_SendsNothingEvenWithAPendingOutbox()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", "cust-1"));
        var sent = _runtime.SentActions.Sent.Count;

        Assert.Equal(0, await _runtime.Dispatcher.RecoverIfDispatchFailedAsync(CancellationToken.None));
        Assert.Equal(sent, _runtime.SentActions.Sent.Count);
    }

    [Fact]
    public async Task RecoverIfDispatchFailedAsync_AfterAFailedDispatch_SendsTheOutboxOnce()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        _runtime.Sink.FailAfter = 0;
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", "cust-1"));
        _runtime.Sink.FailAfter = null;

        var first = await _runtime.Dispatcher.RecoverIfDispatchFailedAsync(CancellationToken.None);
        var second = await _runtime.Dispatcher.RecoverIfDispatchFailedAsync(CancellationToken.None);

        Assert.Equal(2, first);
        Assert.Equal(0, second);
        Assert.Empty(await _runtime.OutboxAsync());
    }

    [Fact]
    public async Task RecoverIfDispatchFailedAsync_RecoveryFailsToo_TriesAgainNextTime()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        _runtime.Sink.FailAfter = 0;
        await _runtime.ApplyAsync(TestEvents.Invoice("tp-1", "cust-1"));

        await Assert.ThrowsAnyAsync<Exception>(() => _runtime.Dispatcher.RecoverIfDispatchFailedAsync(CancellationToken.None));
        _runtime.Sink.FailAfter = null;

        Assert.Equal(2, await _runtime.Dispatcher.RecoverIfDispatchFailedAsync(CancellationToken.None));
    }
}
