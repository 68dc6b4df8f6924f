using Orchestrator.Application.Ports;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Tests.Support;

namespace Orchestrator.Application.Tests.Timers;

/// <summary>
/// A backlog of overdue timers (what a restart after an outage finds): woken several at once, oldest first, while
/// touchpoints are still served. Loads of the backlog's customers wait at a gate the test opens, so what is in
/// flight at one moment is observed without any timing.
/// </summary>
public sealed class TimerBacklogTests : IDisposable
{
    private const int Concurrency = 4;
    private const int Backlog = 20;
    private const string LatePrefix = "late-";
    private static readonly TimeSpan GateDeadline = TimeSpan.FromSeconds(10);

    private readonly TestRuntime _runtime = new(new ApplicationOptions { MaxConcurrentWakeUps = Concurrency });
    private readonly Lock _gate = new();
    private readonly List<string> _started = [];
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _full = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimerBacklogTests() => _runtime.Customers.BeforeLoad = WaitAtGateAsync;

    public void Dispose()
    {
        _open.TrySetResult();
        _runtime.Dispose();
    }

    [Fact]
    public async Task FireDueAsync_Backlog_WakesTheOldestFirstSeveralAtOnce()
    {
        await ScheduleBacklogAsync();

        var draining = _runtime.TimerService.FireDueAsync(CancellationToken.None);
        await _full.Task.WaitAsync(GateDeadline);

        // The oldest timers are the ones in flight, as many as the concurrency allows.
        Assert.Equal(Oldest(Concurrency), Started().Order(StringComparer.Ordinal));
        _open.SetResult();
        Assert.Equal(Backlog, await draining.WaitAsync(GateDeadline));
        Assert.Equal(Oldest(Backlog), Started().Order(StringComparer.Ordinal));
        Assert.Empty(await _runtime.Timers.GetDueAsync(DateTimeOffset.MaxValue, Backlog, CancellationToken.None));
    }

    [Fact]
    public async Task FireDueAsync_WhileABacklogDrains_ATouchpointIsServed()
    {
        await _runtime.DeploySamplesAsync(SampleJourneys.BillPayment);
        await ScheduleBacklogAsync();
        var draining = _runtime.TimerService.FireDueAsync(CancellationToken.None);
        await _full.Task.WaitAsync(GateDeadline);

        var result = await _runtime.ApplyAsync(TestEvents.Invoice("tp-new", "cust-new")).WaitAsync(GateDeadline);

        Assert.Equal(ProcessStatus.Applied, result.Status);
        Assert.False(draining.IsCompleted, "the backlog was still draining when the touchpoint was applied");
        _open.SetResult();
        Assert.Equal(Backlog, await draining.WaitAsync(GateDeadline));
    }

    // Due one minute apart, stored newest first so that store order is not what puts the oldest first.
    private async Task ScheduleBacklogAsync()
    {
        foreach (var i in Enumerable.Range(0, Backlog))
        {
            await _runtime.Timers.ScheduleAsync(new DueTimer(Customer(i), $"gone:{Customer(i)}", TestRuntime.T0.AddMinutes(-i)), CancellationToken.None);
        }
    }

    // Customer ids of the n oldest timers, in ordinal order.
    private static string[] Oldest(int n) =>
        [.. Enumerable.Range(Backlog - n, n).Select(Customer).Order(StringComparer.Ordinal)];

    private static string Customer(int i) => $"{LatePrefix}{i:D2}";

    private List<string> Started()
    {
        lock (_gate)
        {
            return [.. _started];
        }
    }

    private async Task WaitAtGateAsync(string customerId)
    {
        if (!customerId.StartsWith(LatePrefix, StringComparison.Ordinal))
        {
            return;
        }

        lock (_gate)
        {
            _started.Add(customerId);
            if (_started.Count == Concurrency)
            {
                _full.TrySetResult();
            }
        }

        await _open.Task;
    }
}
