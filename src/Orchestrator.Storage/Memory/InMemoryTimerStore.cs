using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Memory;

/// <summary><see cref="ITimerStore"/> in memory, ordered by due time then instance id. Thread-safe.</summary>
public sealed class InMemoryTimerStore : ITimerStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<(long Ticks, string InstanceId), DueTimer> _timers = new(TimerKeyComparer.Instance);

    /// <inheritdoc />
    public Task ScheduleAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        lock (_lock)
        {
            // Stored in UTC, as the Table store returns it.
            _timers[Key(timer)] = timer with { DueAt = timer.DueAt.ToUniversalTime() };
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DueTimer>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DueTimer>>([.. _timers.Values.TakeWhile(t => t.DueAt <= now).Take(max)]);
        }
    }

    /// <inheritdoc />
    public Task<DueTimer?> GetEarliestAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_timers.Values.FirstOrDefault());
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        lock (_lock)
        {
            _timers.Remove(Key(timer));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAllAsync(IReadOnlyCollection<DueTimer> fired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fired);
        lock (_lock)
        {
            foreach (var timer in fired)
            {
                _timers.Remove(Key(timer));
            }
        }

        return Task.CompletedTask;
    }

    private static (long, string) Key(DueTimer timer) => (timer.DueAt.UtcTicks, timer.InstanceId);

    private sealed class TimerKeyComparer : IComparer<(long Ticks, string InstanceId)>
    {
        public static readonly TimerKeyComparer Instance = new();

        public int Compare((long Ticks, string InstanceId) x, (long Ticks, string InstanceId) y)
        {
            var byTime = x.Ticks.CompareTo(y.Ticks);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.InstanceId, y.InstanceId);
        }
    }
}
