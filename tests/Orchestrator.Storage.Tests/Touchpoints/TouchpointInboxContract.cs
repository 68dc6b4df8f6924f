using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Tests.Touchpoints;

/// <summary>
/// What every <see cref="ITouchpointInbox"/> must do; run against each implementation. Visibility is tested by
/// letting time pass and polling against a deadline: the in-memory inbox's fake clock jumps, Azurite's real one runs.
/// </summary>
public abstract class TouchpointInboxContract
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Hidden = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    protected abstract ITouchpointInbox Inbox { get; }

    /// <summary>Messages in the queue, visible or hidden.</summary>
    protected abstract Task<int> CountAsync();

    /// <summary>Lets some time pass between two polls.</summary>
    protected abstract Task LetTimePassAsync();

    [Fact]
    public async Task ReceiveAsync_EmptyQueue_ReturnsNothing() => Assert.Empty(await Inbox.ReceiveAsync(32, Hidden, None));

    [Fact]
    public async Task ReceiveAsync_QueuedMessage_ReturnsBodyAsGivenWithFirstDequeue()
    {
        const string body = """{"specversion":"1.0","id":"tp-1","data":{"text":"<&> \u00e9 \"quoted\""}}""";
        await Inbox.EnqueueAsync(body, TimeSpan.Zero, None);

        var message = Assert.Single(await Inbox.ReceiveAsync(32, Hidden, None));

        Assert.Equal(body, message.Body);
        Assert.Equal(1, message.DequeueCount);
        Assert.False(string.IsNullOrEmpty(message.MessageId));
        Assert.False(string.IsNullOrEmpty(message.Receipt));
    }

    [Fact]
    public async Task ReceiveAsync_ReceivedMessage_StaysHiddenThenReturnsWithHigherDequeueCount()
    {
        await Inbox.EnqueueAsync("tp-1", TimeSpan.Zero, None);
        var first = Assert.Single(await Inbox.ReceiveAsync(32, Hidden, None));

        Assert.Empty(await Inbox.ReceiveAsync(32, Hidden, None));
        var second = Assert.Single(await ReceiveWithinDeadlineAsync());

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.Receipt, second.Receipt);
    }

    [Fact]
    public async Task EnqueueAsync_WithDelay_HidesMessageUntilTheDelayPasses()
    {
        await Inbox.EnqueueAsync("retry", Hidden, None);

        Assert.Empty(await Inbox.ReceiveAsync(32, Hidden, None));
        var message = Assert.Single(await ReceiveWithinDeadlineAsync());

        Assert.Equal("retry", message.Body);
        Assert.Equal(1, message.DequeueCount);
    }

    [Fact]
    public async Task ReceiveAsync_MoreMessagesThanMax_ReturnsMaxThenTheRest()
    {
        foreach (var body in new[] { "a", "b", "c" })
        {
            await Inbox.EnqueueAsync(body, TimeSpan.Zero, None);
        }

        var first = await Inbox.ReceiveAsync(2, Hidden, None);
        var rest = await Inbox.ReceiveAsync(32, Hidden, None);

        Assert.Equal(2, first.Count);
        Assert.Equal(["a", "b", "c"], first.Concat(rest).Select(m => m.Body).Order());
    }

    [Fact]
    public async Task DeleteAsync_WithReceipt_RemovesTheMessage()
    {
        await Inbox.EnqueueAsync("done", TimeSpan.Zero, None);
        await Inbox.EnqueueAsync("kept", TimeSpan.Zero, None);
        var received = await Inbox.ReceiveAsync(32, Hidden, None);

        await Inbox.DeleteAsync(received.Single(m => m.Body == "done"), None);

        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task DeleteAsync_StaleReceiptAfterRedelivery_LeavesMessageToItsNewHolder()
    {
        await Inbox.EnqueueAsync("tp-1", TimeSpan.Zero, None);
        var first = Assert.Single(await Inbox.ReceiveAsync(32, Hidden, None));
        var second = Assert.Single(await ReceiveWithinDeadlineAsync());

        await Inbox.DeleteAsync(first, None);
        Assert.Equal(1, await CountAsync());

        await Inbox.DeleteAsync(second, None);
        Assert.Equal(0, await CountAsync());
        await Inbox.DeleteAsync(second, None);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task ReceiveAsync_MaxOutsideOneTo32_Throws(int max) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Inbox.ReceiveAsync(max, Hidden, None));

    [Fact]
    public async Task EnqueueAsync_NegativeDelay_Throws() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Inbox.EnqueueAsync("x", TimeSpan.FromSeconds(-1), None));

    private async Task<IReadOnlyList<QueuedMessage>> ReceiveWithinDeadlineAsync()
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            await LetTimePassAsync();
            var received = await Inbox.ReceiveAsync(32, Hidden, None);
            if (received.Count > 0)
            {
                return received;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Expected a message to become visible within {Deadline.TotalSeconds} s.");
        }
    }
}
