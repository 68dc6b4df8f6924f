using Azure.Storage.Queues;

namespace Orchestrator.Testing.Tests;

/// <summary>The Storage Queue behaviour the storage layer relies on, as Azurite provides it.</summary>
public sealed class QueueStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Azurite hides received messages by the wall clock; five minutes cannot run out during a test,
    // so a message reappears only when a test makes it visible.
    private static readonly TimeSpan LongEnough = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task SendMessage_ThenReceiveAndDelete_EmptiesTheQueue()
    {
        var queue = await NewQueueAsync();

        await queue.SendMessageAsync("touchpoint-1");
        var received = (await queue.ReceiveMessageAsync(LongEnough)).Value;
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);

        Assert.Equal("touchpoint-1", received.Body.ToString());
        Assert.Equal(1, received.DequeueCount);
        Assert.Empty((await queue.PeekMessagesAsync(maxMessages: 32)).Value);
    }

    [Fact]
    public async Task ReceiveMessage_HidesTheMessageUntilItIsMadeVisibleAgain()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("touchpoint-1");

        var first = (await queue.ReceiveMessageAsync(LongEnough)).Value;
        var whileHidden = (await queue.ReceiveMessageAsync(LongEnough)).Value;
        await queue.UpdateMessageAsync(first.MessageId, first.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        var again = (await queue.ReceiveMessageAsync(LongEnough)).Value;

        Assert.Null(whileHidden);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.DequeueCount);
    }

    private async Task<QueueClient> NewQueueAsync()
    {
        var queue = new QueueClient(azurite.ConnectionString, "q" + Guid.NewGuid().ToString("N"));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
