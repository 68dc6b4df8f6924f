using Microsoft.Extensions.Logging;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Analytics;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Processing;

/// <summary>
/// Applies inputs (touchpoints, wake-ups, operators' commands) to one customer's journeys: decides what each does,
/// and runs it as one <see cref="CustomerTransaction"/> (one read, the engine, one atomic write, then the actions).
/// </summary>
public sealed partial class CustomerProcessor
{
    private readonly ICustomerStore _customers;
    private readonly IPoisonStore _poison;
    private readonly DefinitionCatalog _catalog;
    private readonly TimeProvider _clock;
    private readonly ApplicationOptions _options;
    private readonly ArmFiguresSource? _arms;
    private readonly CustomerTransaction _transaction;

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
        _arms = arms;
        _customers = customers;
        _poison = poison;
        _catalog = catalog;
        _clock = clock;
        _options = options;
        _transaction = new CustomerTransaction(customers, directory, timers, dispatcher, clock, options, logger, analytics, due => TimerScheduled?.Invoke(due));
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
        return RouteTouchpointAsync(new CustomerInput.TouchpointArrived(touchpoint), touchpoint, Applying(cancellationToken), redelivered: null, cancellationToken);
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
        RunAsync(new CustomerInput.WakeUpDue(customerId, instanceId), async (snapshot, now) =>
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
        }, cancellationToken);

    /// <summary>Applies an operator's input (such as a stop) to one running instance; a suspended one is left alone.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="input">The input.</param>
    /// <param name="command">The operator's command it carries out, whose timeline kind is recorded.</param>
    /// <param name="cancellationToken">Cancels processing.</param>
    /// <returns>What happened.</returns>
    public Task<ProcessResult> ApplyToInstanceAsync(string customerId, string instanceId, JourneyInput input, OperatorCommand command, CancellationToken cancellationToken) =>
        RunAsync(new CustomerInput.OperatorRequested(customerId, instanceId, command), async (snapshot, now) =>
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
        }, cancellationToken);

    /// <summary>Runs one input as a <see cref="CustomerTransaction"/>: load, decide, commit, dispatch.</summary>
    /// <param name="input">The input.</param>
    /// <param name="decide">Turns a fresh snapshot into work, or null when there is nothing to write.</param>
    /// <param name="cancellationToken">Cancels processing.</param>
    /// <returns>What happened.</returns>
    internal Task<ProcessResult> RunAsync(CustomerInput input, CustomerDecide decide, CancellationToken cancellationToken) =>
        _transaction.RunAsync(input, decide, cancellationToken);

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

}
