using Microsoft.Extensions.Logging;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Analytics;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Rules;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Telemetry;

namespace Orchestrator.Application.Processing;

/// <summary>
/// The one way an input changes a customer: under the customer's lock, load, decide, take the send decision, write
/// directory entries and timers, commit, dispatch. A lost write race reloads and decides again.
/// </summary>
/// <remarks>
/// Every input goes through here, whoever drives it: the standalone processor, the operators' routes, migrations,
/// the Durable ingress and activities. Inputs of one customer run one at a time in this process, and the customer
/// record's ETag makes a concurrent writer elsewhere retry, so per-customer order holds across processes.
/// </remarks>
internal sealed partial class CustomerTransaction
{
    private readonly ICustomerStore _customers;
    private readonly IInstanceDirectory _directory;
    private readonly ITimerStore _timers;
    private readonly ActionDispatcher _dispatcher;
    private readonly TimeProvider _clock;
    private readonly ApplicationOptions _options;
    private readonly ILogger _logger;
    private readonly AnalyticsAggregator? _analytics;
    private readonly Action<DateTimeOffset> _timerScheduled;
    private readonly KeyedLock _locks = new();

    public CustomerTransaction(
        ICustomerStore customers,
        IInstanceDirectory directory,
        ITimerStore timers,
        ActionDispatcher dispatcher,
        TimeProvider clock,
        ApplicationOptions options,
        ILogger logger,
        AnalyticsAggregator? analytics,
        Action<DateTimeOffset> timerScheduled)
    {
        _customers = customers;
        _directory = directory;
        _timers = timers;
        _dispatcher = dispatcher;
        _clock = clock;
        _options = options;
        _logger = logger;
        _analytics = analytics;
        _timerScheduled = timerScheduled;
    }

    /// <summary>Runs one input to its end.</summary>
    /// <param name="input">The input: its customer, timeline kind, shown touchpoint and dedupe id.</param>
    /// <param name="decide">Its decide phase.</param>
    /// <param name="cancellationToken">Cancels the transaction.</param>
    /// <returns>What happened.</returns>
    public async Task<ProcessResult> RunAsync(CustomerInput input, CustomerDecide decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(decide);
        using var held = await _locks.AcquireAsync(input.CustomerId, cancellationToken);
        return await RunHeldAsync(input, decide, cancellationToken);
    }

    // The transaction itself, the customer's lock held.
    private async Task<ProcessResult> RunHeldAsync(CustomerInput input, CustomerDecide decide, CancellationToken cancellationToken)
    {
        var customerId = input.CustomerId;
        using var span = CommitTracing.Start(input.DedupeId ?? input.Shown?.Id, input.TimelineKind);
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await _customers.LoadAsync(customerId, input.DedupeId, cancellationToken);
            var work = await decide(snapshot, _clock.GetUtcNow());
            if (work is null)
            {
                var skipped = input.DedupeId is not null ? ProcessStatus.Duplicate : ProcessStatus.NothingDue;
                CommitTracing.End(span, skipped, null);
                return new ProcessResult(skipped, null);
            }

            var sends = work.DecideSends();
            await PrepareAsync(work, sends, cancellationToken);
            var commit = WithAcknowledgements(work.ToCommit(input, sends));
            try
            {
                await _customers.CommitAsync(commit, cancellationToken);
            }
            catch (ConcurrencyConflictException exception) when (exception.TouchpointAlreadyRecorded)
            {
                // A redelivery older than the load's recent-touchpoint window: the commit's dedupe marker caught it.
                CommitTracing.End(span, ProcessStatus.Duplicate, null);
                return new ProcessResult(ProcessStatus.Duplicate, null);
            }
            catch (ConcurrencyConflictException exception) when (attempt < _options.MaxConflictRetries)
            {
                LogConflict(customerId, attempt, exception.Message);
                continue;
            }
            catch (Exception exception)
            {
                CommitTracing.Fail(span, exception);
                throw;
            }

            Committed(commit);
            var status = work.HasChanges ? ProcessStatus.Applied : ProcessStatus.Ignored;
            CommitTracing.End(span, status, commit);
            await _dispatcher.DispatchAsync(customerId, sends.Actions, cancellationToken);
            return new ProcessResult(status, commit.Entry);
        }
    }

    // Written before the commit: an orphan directory entry or timer is harmless, a missing one is not.
    private async Task PrepareAsync(CustomerWork work, SendDecision sends, CancellationToken cancellationToken)
    {
        foreach (var location in work.NewInstances)
        {
            await _directory.AddAsync(location, cancellationToken);
        }

        foreach (var timer in work.Timers.Concat(sends.Timers))
        {
            await _timers.ScheduleAsync(timer, cancellationToken);
            _timerScheduled(timer.DueAt);
        }
    }

    // What a durable commit lets go: acknowledged outbox entries, folded analytics records, and the new record to fold.
    private void Committed(CustomerCommit commit)
    {
        var customerId = commit.Customer.CustomerId;
        _dispatcher.Acknowledgements.Forget(customerId, commit.Acknowledged);
        if (_analytics is not null)
        {
            _analytics.Removed(customerId, commit.AnalyticsFolded);
            if (commit.Analytics is { } analytics)
            {
                _analytics.Enqueue(analytics);
            }
        }

        foreach (var entry in commit.Entries)
        {
            SendMetrics.Record(entry.Withheld);
        }
    }

    // Dispatched actions of this customer leave its outbox in this same write, as far as the transaction has room.
    // Folded analytics records leave the same way.
    private CustomerCommit WithAcknowledgements(CustomerCommit commit)
    {
        if (_analytics is null || !_options.Analytics.Enabled)
        {
            commit = commit with { Analytics = null };
        }

        var acknowledged = commit with { Acknowledged = _dispatcher.Acknowledgements.For(commit.Customer.CustomerId, CustomerCommit.MaxWrites - commit.Writes) };
        return _analytics is null
            ? acknowledged
            : acknowledged with { AnalyticsFolded = _analytics.FoldedFor(commit.Customer.CustomerId, CustomerCommit.MaxWrites - acknowledged.Writes) };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Write race on customer {CustomerId} (attempt {Attempt}): {Detail}")]
    private partial void LogConflict(string customerId, int attempt, string detail);
}
