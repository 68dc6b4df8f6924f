namespace Orchestrator.Standalone.Hosting;

/// <summary>
/// Lets a waiting loop be woken early when work becomes due before the instant it planned to wake at.
/// </summary>
/// <remarks>
/// The loop arms the signal before it reads what is due, so a notification that arrives between the read
/// and the wait is never lost: until the wait begins every notification counts as earlier.
/// </remarks>
internal sealed class WakeUpSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _notified = NewSource();
    private DateTimeOffset _wakeAt = DateTimeOffset.MaxValue;

    /// <summary>Starts a new round: from now on, any notification ends the next wait.</summary>
    public void Arm()
    {
        lock (_gate)
        {
            _notified = NewSource();
            _wakeAt = DateTimeOffset.MaxValue;
        }
    }

    /// <summary>Tells the loop that something is due at <paramref name="dueAt"/>.</summary>
    /// <param name="dueAt">When it is due.</param>
    public void Notify(DateTimeOffset dueAt)
    {
        lock (_gate)
        {
            if (dueAt < _wakeAt)
            {
                _notified.TrySetResult();
            }
        }
    }

    /// <summary>Waits until <paramref name="wakeAt"/> on <paramref name="clock"/>, or until notified of something earlier.</summary>
    /// <param name="wakeAt">When to wake at the latest.</param>
    /// <param name="clock">The clock the instant is on.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>A task that completes at the wake-up.</returns>
    public async Task WaitAsync(DateTimeOffset wakeAt, TimeProvider clock, CancellationToken cancellationToken)
    {
        Task notified;
        lock (_gate)
        {
            _wakeAt = wakeAt;
            notified = _notified.Task;
        }

        var delay = wakeAt - clock.GetUtcNow();
        if (delay <= TimeSpan.Zero || notified.IsCompleted)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(delay, clock, stop.Token);

        // The clock may have moved on between reading it and starting the timer (a test clock jumps);
        // the timer would then fire late, so check the instant itself once more.
        if (clock.GetUtcNow() < wakeAt)
        {
            await Task.WhenAny(timer, notified);
        }

        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
