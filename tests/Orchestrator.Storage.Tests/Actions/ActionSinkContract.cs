using Orchestrator.Application.Actions;
using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Actions;

/// <summary>What every <see cref="IActionSink"/> must do; run against each implementation, reading back what it sent.</summary>
public abstract class ActionSinkContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IActionSink Sink { get; }

    /// <summary>Every action sent so far, as a channel app would read them.</summary>
    protected abstract Task<IReadOnlyList<ActionMessage>> ReadSentAsync();

    [Fact]
    public async Task SendAsync_TwoActions_ChannelReadsBothUnchanged()
    {
        var first = Samples.Action("customer-1", "key-1");
        var second = Samples.Action("customer/2", "key" + Samples.Reserved) with { Data = null };

        await Sink.SendAsync(first, None);
        await Sink.SendAsync(second, None);

        var sent = (await ReadSentAsync()).OrderBy(a => a.IdempotencyKey, StringComparer.Ordinal).ToList();
        Assert.Equal(2, sent.Count);
        Json.Equal(first, sent[0]);
        Json.Equal(second, sent[1]);
    }

    [Fact]
    public async Task SendAsync_Nothing_ChannelReadsNothing() => Assert.Empty(await ReadSentAsync());
}
