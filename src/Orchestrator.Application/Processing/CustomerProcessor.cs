using Microsoft.Extensions.Logging;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Analytics;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Rules;
using Orchestrator.Application.Telemetry;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Processing;

/// <summary>
/// Applies inputs (touchpoints, wake-ups) to one customer's journeys: one read, the engine, one atomic
/// write, then the actions. Inputs of one customer run one at a time in this process, and the customer
/// record's ETag makes a concurrent writer elsewhere retry, so per-customer order holds across processes.
/// </summary>
public sealed partial class CustomerProcessor
{
    private readonly ICustomerStore _customers;
    private readonly IInstanceDirectory _directory;
    private readonly ITimerStore _timers;
    private readonly IPoisonStore _poison;
    private readonly DefinitionCatalog _catalog;
    private readonly ActionDispatcher _dispatcher;
    private readonly TimeProvider _clock;
    private readonly ApplicationOptions _options;
    private readonly ILogger<CustomerProcessor> _logger;
    private readonly AnalyticsAggregator? _analytics;
    private readonly ArmFiguresSource? _arms;
    private readonly KeyedLock _locks = new();

    /// <summary>Creates the processor.</summary>
    /// <param name="customers">Customer store.</param>
    /// <param name="directory">Instance directory.</param>
    /// <param name="timers">Timer store.</param>
    /// <param name="poison">Where touchpoints a full suspension buffer cannot keep go.</param>
    /// <param name="catalog">Definitions.</param>
    /// <param name="dispatcher">Action dispatch.</param>
    /// <param name="clock">Engine time.</param>
    /// <param name="options">Options.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="analytics">Folds the analytics records commits write; none leaves them to another process's recovery.</param>
    /// <param name="arms">The figures <c>optimize</c> steps learn from; none runs them cold (every arm as Beta(1, 1)).</param>
    public CustomerProcessor(
        ICustomerStore customers,
        IInstanceDirectory directory,
        ITimerStore timers,
        IPoisonStore poison,
        DefinitionCatalog catalog,
        ActionDispatcher dispatcher,
        TimeProvider clock,
        ApplicationOptions options,
        ILogger<CustomerProcessor> logger,
        AnalyticsAggregator? analytics = null,
        ArmFiguresSource? arms = null)
    {
        _analytics = analytics;
        _arms = arms;
        _customers = customers;
        _directory = directory;
        _timers = timers;
        _poison = poison;
        _catalog = catalog;
        _dispatcher = dispatcher;
        _clock = clock;
        _options = options;
        _logger = logger;
    }

    /// <summary>Raised after a timer is stored, so a timer poller can wake earlier than planned.</summary>
    public event Action<DateTimeOffset>? TimerScheduled;

    /// <summary>Applies a touchpoint: delivers it to awaiting instances and starts the journeys it enters.</summary>
    /// <param name="touchpoint">The touchpoint, its customer resolved.</param>
    /// <param name="cancellationToken">Cancels processing.</param>
    /// <returns>What happened.</returns>
    public Task<ProcessResult> ApplyTouchpointAsync(Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        return RunAsync(touchpoint.CustomerId, touchpoint.Id, async (snapshot, now) =>
        {
            if (snapshot.TouchpointSeen)
            {
                return null;
            }

            var work = NewWork(snapshot, now);
            var plan = await RouteAsync(work, snapshot, touchpoint, now, cancellationToken);

            foreach (var target in plan.DeliverTo)
            {
                var record = snapshot.ActiveInstances.First(i => i.InstanceId == target.InstanceId);
                if (target.Suspended)
                {
                    await BufferAsync(work, record, touchpoint, cancellationToken);
                    continue;
                }

                var definition = await RequireAsync(record, cancellationToken);
                work.Advanced(record, definition, JourneyEngine.Apply(definition, record.State, new TouchpointReceived(touchpoint), now, await ContextAsync(definition, work, cancellationToken)));
            }

            foreach (var start in plan.Starts)
            {
                work.Started(start.Definition, JourneyEngine.Start(start.Definition, start.InstanceId, touchpoint, now, await ContextAsync(start.Definition, work, cancellationToken)));
            }

            return work;
        }, "touchpoint", touchpoint, cancellationToken);
    }

    /// <summary>Wakes an instance whose timer is due.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels processing.</param>
    /// <returns>What happened.</returns>
    /// <remarks>
    /// Also releases the instance's deferred actions that are due, even when the engine has nothing due: a
    /// wake-up that only releases them is a change of its own. An instance that completed right after a
    /// deferred send is read on its own, as the snapshot holds only active instances.
    /// </remarks>
    public Task<ProcessResult> ApplyWakeUpAsync(string customerId, string instanceId, CancellationToken cancellationToken) =>
        RunAsync(customerId, touchpointId: null, async (snapshot, now) =>
        {
            var record = snapshot.ActiveInstances.FirstOrDefault(i => i.InstanceId == instanceId)
                ?? await _customers.GetInstanceAsync(customerId, instanceId, cancellationToken);
            if (record is null || record.RuntimeStatus is not (InstanceRuntimeStatus.Running or InstanceRuntimeStatus.Completed))
            {
                return null;
            }

            var work = NewWork(snapshot, now);
            var definition = await RequireAsync(record, cancellationToken);
            if (record.IsActive)
            {
                record = work.Advanced(record, definition, JourneyEngine.Apply(definition, record.State, WakeUp.Instance, now, await ContextAsync(definition, work, cancellationToken)));
            }

            work.ReleaseDeferred(record, definition);
            return work.HasChanges ? work : null;
        }, "wakeUp", touchpoint: null, cancellationToken);

    /// <summary>Applies an operator's input (such as a stop) to one running instance; a suspended one is left alone.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="input">The input.</param>
    /// <param name="kind">Timeline kind recorded.</param>
    /// <param name="cancellationToken">Cancels processing.</param>
    /// <returns>What happened.</returns>
    public Task<ProcessResult> ApplyToInstanceAsync(string customerId, string instanceId, JourneyInput input, string kind, CancellationToken cancellationToken) =>
        RunAsync(customerId, touchpointId: null, async (snapshot, now) =>
        {
            var record = snapshot.ActiveInstances.FirstOrDefault(i => i.InstanceId == instanceId);
            if (record is null || record.RuntimeStatus == InstanceRuntimeStatus.Suspended)
            {
                return null;
            }

            var work = NewWork(snapshot, now);
            var definition = await RequireAsync(record, cancellationToken);
            work.Advanced(record, definition, JourneyEngine.Apply(definition, record.State, input, now, await ContextAsync(definition, work, cancellationToken)));
            return work.HasChanges ? work : null;
        }, kind, touchpoint: null, cancellationToken);

    /// <summary>
    /// The run loop every input of a customer goes through: under the customer's lock, load, decide, write
    /// directory entries and timers, commit, dispatch; a lost write race reloads and decides again.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="touchpointId">The touchpoint's id, for dedupe; null for other inputs.</param>
    /// <param name="decide">Turns a fresh snapshot into work, or null when there is nothing to write.</param>
    /// <param name="kind">Timeline kind recorded.</param>
    /// <param name="touchpoint">The touchpoint recorded in the timeline, if any.</param>
    /// <param name="cancellationToken">Cancels processing.</param>
    /// <returns>What happened.</returns>
    internal async Task<ProcessResult> RunAsync(
        string customerId,
        string? touchpointId,
        Func<CustomerSnapshot, DateTimeOffset, Task<CustomerWork?>> decide,
        string kind,
        Touchpoint? touchpoint,
        CancellationToken cancellationToken)
    {
        using var held = await _locks.AcquireAsync(customerId, cancellationToken);
        using var span = CommitTracing.Start(touchpointId ?? touchpoint?.Id, kind);
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await _customers.LoadAsync(customerId, touchpointId, cancellationToken);
            var work = await decide(snapshot, _clock.GetUtcNow());
            if (work is null)
            {
                var skipped = touchpointId is not null ? ProcessStatus.Duplicate : ProcessStatus.NothingDue;
                CommitTracing.End(span, skipped, null);
                return new ProcessResult(skipped, null);
            }

            // Written before the commit: an orphan directory entry or timer is harmless, a missing one is not.
            foreach (var location in work.NewInstances)
            {
                await _directory.AddAsync(location, cancellationToken);
            }

            foreach (var timer in work.Timers)
            {
                await _timers.ScheduleAsync(timer, cancellationToken);
                TimerScheduled?.Invoke(timer.DueAt);
            }

            var commit = WithAcknowledgements(work.ToCommit(kind, touchpoint, touchpointId));
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

            _dispatcher.Acknowledgements.Forget(customerId, commit.Acknowledged);
            if (_analytics is not null)
            {
                _analytics.Removed(customerId, commit.AnalyticsFolded);
                if (commit.Analytics is { } analytics)
                {
                    _analytics.Enqueue(analytics);
                }
            }

            SendMetrics.Record(commit.Entry.Withheld);
            var status = work.HasChanges ? ProcessStatus.Applied : ProcessStatus.Ignored;
            CommitTracing.End(span, status, commit);
            await _dispatcher.DispatchAsync(customerId, work.Actions, cancellationToken);
            return new ProcessResult(status, commit.Entry);
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

    /// <summary>
    /// Keeps a touchpoint for a suspended instance's resume. A full buffer keeps its oldest touchpoints; the new
    /// one goes to the poison store with the reason, and the timeline says so: never dropped silently.
    /// </summary>
    /// <param name="work">The work being built.</param>
    /// <param name="record">The suspended instance as it stands in this work.</param>
    /// <param name="touchpoint">The touchpoint.</param>
    /// <param name="cancellationToken">Cancels the poison write.</param>
    /// <returns>A task that completes when the touchpoint is kept.</returns>
    internal async Task BufferAsync(CustomerWork work, InstanceRecord record, Touchpoint touchpoint, CancellationToken cancellationToken)
    {
        if (record.Buffered.Count < InstanceRecord.MaxBuffered)
        {
            work.Replaced(record with { Buffered = [.. record.Buffered, touchpoint] });
            work.Note($"{record.InstanceId}: suspended, touchpoint buffered for resume ({record.Buffered.Count + 1} of {InstanceRecord.MaxBuffered})");
            return;
        }

        // Written before the commit, as directory entries are: idempotent by id, so a retried commit adds nothing.
        var reason = $"instance {record.InstanceId} is suspended and its buffer is full ({InstanceRecord.MaxBuffered} touchpoints)";
        var entry = new PoisonEntry($"overflow-{record.InstanceId}-{touchpoint.Id}", CloudEventWriter.Structured(touchpoint), reason, "suspended", 1, _clock.GetUtcNow());
        await _poison.AddAsync(entry, cancellationToken);
        work.Note($"{record.InstanceId}: suspended with a full buffer; touchpoint kept aside as poison entry '{entry.Id}'");
    }

    /// <summary>
    /// Records a touchpoint on the customer's profile (its facts, and its change for a profile touchpoint), then routes it
    /// on the customer's instances and the active definitions, and records the routing in the work: the same step for
    /// the standalone runtime, which then applies it, and the Durable one, which raises and starts.
    /// </summary>
    /// <param name="work">The work being built.</param>
    /// <param name="snapshot">The customer as read.</param>
    /// <param name="touchpoint">The touchpoint, its customer resolved.</param>
    /// <param name="now">Engine time.</param>
    /// <param name="cancellationToken">Cancels the definitions' read.</param>
    /// <returns>The instances it goes to and the journeys it starts.</returns>
    internal async Task<RoutePlan> RouteAsync(CustomerWork work, CustomerSnapshot snapshot, Touchpoint touchpoint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        work.Saw(touchpoint, _options.ProfileTouchpointType);
        var active = await _catalog.GetActiveAsync(cancellationToken);
        var views = snapshot.ActiveInstances.Select(InstanceView.Of).ToArray();
        var plan = TouchpointRouter.Plan(touchpoint, views, snapshot.Customer.Entries, active, now, work.Profile);
        work.Route(plan);
        return plan;
    }

    /// <summary>Starts the work of one input, with the configured send-time rules.</summary>
    /// <param name="snapshot">The customer as read.</param>
    /// <param name="now">Engine time.</param>
    /// <returns>The work.</returns>
    internal CustomerWork NewWork(CustomerSnapshot snapshot, DateTimeOffset now) => new(snapshot, now, _options.SendRules);

    /// <summary>
    /// What the engine is given beside an instance of a version: the customer's profile as the work stands, and its
    /// <c>optimize</c> arms' figures, read (or reused) only when the version has an optimize step.
    /// </summary>
    /// <param name="definition">The version the engine runs.</param>
    /// <param name="work">The customer's work in progress.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The context.</returns>
    internal async ValueTask<JourneyContext> ContextAsync(JourneyDefinition definition, CustomerWork work, CancellationToken cancellationToken)
    {
        if (_arms is null)
        {
            return work.Context;
        }

        var arms = await _arms.GetAsync(definition, cancellationToken);
        return arms.Count == 0 ? work.Context : work.Context with { Arms = arms };
    }

    /// <summary>Reads the definition an instance runs.</summary>
    /// <param name="record">The instance.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The definition.</returns>
    internal async Task<JourneyDefinition> RequireAsync(InstanceRecord record, CancellationToken cancellationToken) =>
        await _catalog.GetAsync(record.State.JourneyId, record.State.Version, cancellationToken)
        ?? throw new InvalidOperationException($"Instance {record.InstanceId} runs {record.State.JourneyId} v{record.State.Version}, which is not stored.");


    [LoggerMessage(Level = LogLevel.Debug, Message = "Write race on customer {CustomerId} (attempt {Attempt}): {Detail}")]
    private partial void LogConflict(string customerId, int attempt, string detail);
}
