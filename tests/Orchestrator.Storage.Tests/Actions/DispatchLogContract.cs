using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Actions;

/// <summary>What every <see cref="IDispatchLog"/> must do; run against each implementation.</summary>
public abstract class DispatchLogContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IDispatchLog Log { get; }

    [Fact]
    public async Task ReadAllAsync_MarksOnSeveralPages_ReturnsEveryOneAsWritten()
    {
        DispatchMark[] marks =
        [
            new("202603020800", "cust-1", "journey:cust-1:tp-1/notify/2"),
            new("202603020800", "cust-2", "journey:cust-2:tp-1/notify/2"),
            new("202603020801", "cust" + Samples.Reserved, "journey:cust" + Samples.Reserved + ":tp-1/notify/2"),
        ];

        await Log.MarkAsync(marks, None);

        Assert.Equal(marks.OrderBy(m => m.IdempotencyKey, StringComparer.Ordinal), (await ReadAllAsync()).OrderBy(m => m.IdempotencyKey, StringComparer.Ordinal));
    }

    [Fact]
    public async Task MarkAsync_SameMarkTwiceAndMoreThanOneTransaction_KeepsOneOfEach()
    {
        var marks = Enumerable.Range(0, 150).Select(i => new DispatchMark("202603020800", $"cust-{i % 7}", $"key-{i:D3}")).ToList();

        await Log.MarkAsync(marks, None);
        await Log.MarkAsync([marks[0], marks[0]], None);

        Assert.Equal(150, (await ReadAllAsync()).Count);
    }

    [Fact]
    public async Task UnmarkAsync_SomeMarksAndOneMissing_RemovesThoseOnly()
    {
        var kept = new DispatchMark("202603020800", "cust-1", "key-kept");
        var removed = new DispatchMark("202603020800", "cust-1", "key-removed");
        var other = new DispatchMark("202603020801", "cust-2", "key-other");
        await Log.MarkAsync([kept, removed, other], None);

        await Log.UnmarkAsync([removed, other, new DispatchMark("202603020800", "cust-9", "key-never-marked")], None);

        Assert.Equal([kept], await ReadAllAsync());
    }

    private async Task<List<DispatchMark>> ReadAllAsync()
    {
        var marks = new List<DispatchMark>();
        await foreach (var mark in Log.ReadAllAsync(None))
        {
            marks.Add(mark);
        }

        return marks;
    }
}
