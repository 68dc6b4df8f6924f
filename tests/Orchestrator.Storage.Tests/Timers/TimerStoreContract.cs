using Orchestrator.Application.Ports;
using Orchestrator.Storage.Tests.Support;

namespace Orchestrator.Storage.Tests.Timers;

/// <summary>What every <see cref="ITimerStore"/> must do; run against each implementation.</summary>
public abstract class TimerStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Now = Samples.T0;

    protected abstract ITimerStore Store { get; }

    [Fact]
    public async Task GetDueAsync_TimersAroundNow_ReturnsThoseDueUpToNowEarliestFirst()
    {
        var atNow = new DueTimer("c-1", "at-now", Now);
        var earlier = new DueTimer("c-2", "earlier", Now.AddMinutes(-5));
        var tickLater = new DueTimer("c-3", "tick-later", Now.AddTicks(1));
        var tomorrow = new DueTimer("c-4", "tomorrow", Now.AddDays(1));
        foreach (var timer in new[] { tomorrow, atNow, tickLater, earlier })
        {
            await Store.ScheduleAsync(timer, None);
        }

        var due = await Store.GetDueAsync(Now, 10, None);

        Assert.Equal([earlier, atNow], due);
    }

    [Fact]
    public async Task GetDueAsync_MoreDueThanMax_ReturnsTheEarliestMax()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.ScheduleAsync(new DueTimer("c", $"instance-{i}", Now.AddMinutes(-i)), None);
        }

        var due = await Store.GetDueAsync(Now, 2, None);

        Assert.Equal(["instance-4", "instance-3"], due.Select(t => t.InstanceId));
    }

    [Fact]
    public async Task GetDueAsync_NothingDue_ReturnsEmpty()
    {
        await Store.ScheduleAsync(new DueTimer("c", "later", Now.AddSeconds(1)), None);

        Assert.Empty(await Store.GetDueAsync(Now, 10, None));
    }

    [Fact]
    public async Task GetEarliestAsync_NoTimers_ReturnsNull() => Assert.Null(await Store.GetEarliestAsync(None));

    [Fact]
    public async Task GetEarliestAsync_OnlyFutureTimers_ReturnsTheEarliest()
    {
        await Store.ScheduleAsync(new DueTimer("c", "second", Now.AddHours(2)), None);
        await Store.ScheduleAsync(new DueTimer("c", "first", Now.AddHours(1)), None);

        Assert.Equal(new DueTimer("c", "first", Now.AddHours(1)), await Store.GetEarliestAsync(None));
    }

    [Fact]
    public async Task ScheduleAsync_SameTimerTwice_KeepsOne()
    {
        var timer = new DueTimer("c", "instance-1", Now);

        await Store.ScheduleAsync(timer, None);
        await Store.ScheduleAsync(timer, None);

        Assert.Equal([timer], await Store.GetDueAsync(Now, 10, None));
    }

    [Fact]
    public async Task ScheduleAsync_TwoDueTimesForOneInstance_KeepsBoth()
    {
        await Store.ScheduleAsync(new DueTimer("c", "instance-1", Now.AddMinutes(-1)), None);
        await Store.ScheduleAsync(new DueTimer("c", "instance-1", Now), None);

        Assert.Equal(2, (await Store.GetDueAsync(Now, 10, None)).Count);
    }

    [Fact]
    public async Task DeleteAsync_ScheduledTimer_RemovesOnlyIt()
    {
        var fired = new DueTimer("c", "fired", Now);
        var other = new DueTimer("c", "other", Now);
        await Store.ScheduleAsync(fired, None);
        await Store.ScheduleAsync(other, None);

        await Store.DeleteAsync(fired, None);

        Assert.Equal([other], await Store.GetDueAsync(Now, 10, None));
    }

    [Fact]
    public async Task DeleteAllAsync_MoreThanOneTransactionAndOneMissing_RemovesThoseOnly()
    {
        var fired = Enumerable.Range(0, 130).Select(i => new DueTimer($"c{i % 9}", $"fired-{i:D3}", Now.AddTicks(-i))).ToList();
        var kept = new DueTimer("c", "kept", Now);
        foreach (var timer in fired.Append(kept))
        {
            await Store.ScheduleAsync(timer, None);
        }

        await Store.DeleteAllAsync([.. fired, new DueTimer("c", "never-scheduled", Now)], None);

        Assert.Equal([kept], await Store.GetDueAsync(Now, 200, None));
    }

    [Fact]
    public async Task DeleteAsync_UnknownTimer_DoesNothing()
    {
        await Store.DeleteAsync(new DueTimer("c", "never-scheduled", Now), None);

        Assert.Null(await Store.GetEarliestAsync(None));
    }

    [Fact]
    public async Task ScheduleAsync_ReservedCharactersAndOffset_RoundTripsExactly()
    {
        var timer = new DueTimer("customer" + Samples.Reserved, "instance" + Samples.Reserved, Now);

        await Store.ScheduleAsync(timer, None);
        var earliest = await Store.GetEarliestAsync(None);

        Assert.Equal(timer, earliest);
        Assert.Equal(Now.UtcTicks, earliest?.DueAt.UtcTicks);
        await Store.DeleteAsync(timer, None);
        Assert.Null(await Store.GetEarliestAsync(None));
    }
}
