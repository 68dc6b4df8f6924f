using Microsoft.Extensions.Logging;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Processing;
using Orchestrator.Application.Telemetry;

namespace Orchestrator.Application.Timers;

/// <summary>
/// Fires due timers: each wakes its instance through the customer processor, then is removed. A timer
/// whose wake-up fails is moved <see cref="RetryDelay"/> later, so one broken instance never holds up
/// the timers behind it. Due timers are read oldest first, a batch at a time, and up to
/// <see cref="ApplicationOptions.MaxConcurrentWakeUps"/> are woken at once, taken in that order: a backlog drains
/// at several wake-ups per round trip, and the oldest go first.
/// </summary>
public sealed partial class TimerService
{
    /// <summary>How far a timer whose wake-up failed is moved before it is tried again.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    private const int BatchSize = 100;
    private readonly ITimerStore _timers;
    private readonly CustomerProcessor _processor;
    private readonly TimeProvider _clock;
    private readonly ILogger<TimerService> _logger;
    private readonly int _concurrency;

    /// <summary>Creates the service.</summary>
    /// <param name="timers">Timer store.</param>
    /// <param name="processor">Applies wake-ups.</param>
    /// <param name="clock">Current time.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="options">How many wake-ups run at once; the defaults when null.</param>
    public TimerService(ITimerStore timers, CustomerProcessor processor, TimeProvider clock, ILogger<TimerService> logger, ApplicationOptions? options = null)
    {
        _timers = timers;
        _processor = processor;
        _clock = clock;
        _logger = logger;
        _concurrency = Math.Max(1, (options ?? new ApplicationOptions()).MaxConcurrentWakeUps);
    }

    /// <summary>Fires every timer due now.</summary>
    /// <param name="cancellationToken">Cancels firing.</param>
    /// <returns>How many timers fired.</returns>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var fired = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _concurrency, CancellationToken = cancellationToken };
        while (true)
        {
            // Parallel.ForEachAsync takes the items in list order, so wake-ups start oldest first; one customer's
            // timers still run one at a time, behind the processor's per-customer lock.
            var due = await _timers.GetDueAsync(_clock.GetUtcNow(), BatchSize, cancellationToken);
            await Parallel.ForEachAsync(due, parallel, FireAsync);

            // Removed together once all woke (one transaction per batch on Table storage): a crash before this fires
            // the batch again, and a second wake-up with nothing due changes nothing.
            await _timers.DeleteAllAsync(due, cancellationToken);
            fired += due.Count;
            if (due.Count < BatchSize)
            {
                return fired;
            }
        }
    }

    /// <summary>When the earliest stored timer is due, so a poller knows how long it may wait.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The instant, or null when no timer is stored.</returns>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        (await _timers.GetEarliestAsync(cancellationToken))?.DueAt;

    private async ValueTask FireAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        using var span = JourneyTracing.Source.StartActivity(JourneyTracing.WakeUpSpan);
        span?.SetTag(JourneyTracing.InstanceId, timer.InstanceId);
        try
        {
            await _processor.ApplyWakeUpAsync(timer.CustomerId, timer.InstanceId, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var retry = timer with { DueAt = _clock.GetUtcNow() + RetryDelay };
            LogWakeUpFailed(exception, timer.InstanceId, retry.DueAt);
            await _timers.ScheduleAsync(retry, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Wake-up of instance {InstanceId} failed; trying again at {RetryAt}")]
    private partial void LogWakeUpFailed(Exception exception, string instanceId, DateTimeOffset retryAt);
}
