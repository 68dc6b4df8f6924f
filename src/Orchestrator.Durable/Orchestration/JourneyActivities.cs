using Orchestrator.Application.Actions;
using Orchestrator.Application.Analytics;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Definitions;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Processing;
using Orchestrator.Journeys.Customers;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys;

namespace Orchestrator.Durable.Orchestration;

/// <summary>
/// What the journey orchestration's activities do, on the same ports and the same per-customer run loop as the
/// standalone runtime: a transition is recorded in the customer's partition (instance row, entry history,
/// timeline, directory) and its sends are decided by the send-time rules and dispatched in that same
/// read-decide-commit round, so customer queries, <c>suppressWhileActive</c> and entry rules see Durable
/// instances exactly as they see standalone ones.
/// </summary>
/// <remarks>
/// Activities run at least once: recording a transition the store already holds changes nothing but sends again
/// whatever of the instance is still in the outbox (the process may have died between its commit and its sends),
/// and an activity whose sends failed fails too, so the runtime retries it. A redelivered action carries its
/// idempotency key.
/// </remarks>
public sealed class JourneyActivities
{
    private readonly CustomerProcessor _processor;
    private readonly ActionDispatcher _dispatcher;
    private readonly ICustomerStore _customers;
    private readonly IDefinitionStore _definitions;
    private readonly DefinitionCatalog _catalog;
    private readonly ArmFiguresSource? _arms;
    private readonly IInstanceDirectory? _directory;

    /// <summary>Creates the activities.</summary>
    /// <param name="processor">The per-customer run loop (load, decide, commit, dispatch).</param>
    /// <param name="dispatcher">Action dispatch, for what a retried activity must send again.</param>
    /// <param name="customers">The customer store.</param>
    /// <param name="definitions">The definition store.</param>
    /// <param name="catalog">Parsed definitions.</param>
    /// <param name="arms">The figures <c>optimize</c> steps learn from; none runs them cold.</param>
    /// <param name="directory">Instance directory, whose entry follows a migrated instance to its new version; none leaves it.</param>
    public JourneyActivities(CustomerProcessor processor, ActionDispatcher dispatcher, ICustomerStore customers, IDefinitionStore definitions, DefinitionCatalog catalog, ArmFiguresSource? arms = null, IInstanceDirectory? directory = null)
    {
        _arms = arms;
        _directory = directory;
        _processor = processor;
        _dispatcher = dispatcher;
        _customers = customers;
        _definitions = definitions;
        _catalog = catalog;
    }

    /// <summary>Reads one version's definition document, as deployed.</summary>
    /// <param name="request">The journey and version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document; the orchestration parses it, so its input stays the document and not a parsed model.</returns>
    public async Task<string> LoadDefinitionAsync(DefinitionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = await _definitions.GetAsync(request.JourneyId, request.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Definition {request.JourneyId} v{request.Version} is not stored.");
        return stored.Json;
    }

    /// <summary>Reads the figures of one version's <c>optimize</c> arms, for the orchestration to pass to the engine.</summary>
    /// <param name="request">The journey and version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The figures keyed by <see cref="ArmFigures.Key"/>; recorded in the history, so a replay sees the same.</returns>
    public async Task<IReadOnlyDictionary<string, ArmFigures>> LoadArmFiguresAsync(DefinitionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_arms is null || await _catalog.GetAsync(request.JourneyId, request.Version, cancellationToken) is not { } definition)
        {
            return new Dictionary<string, ArmFigures>(0, StringComparer.Ordinal);
        }

        return await _arms.GetAsync(definition, cancellationToken);
    }

    /// <summary>Records a transition and decides and dispatches its sends.</summary>
    /// <param name="request">The transition.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The sends made and when the instance's earliest deferred action is due.</returns>
    public async Task<ActivityResult> RecordTransitionAsync(TransitionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var transition = request.Transition ?? throw new InvalidOperationException("The request holds no transition.");
        var touchpoint = request.Touchpoint;
        var state = transition.State;
        DateTimeOffset? deferred = null;
        CustomerProfile? profile = null;
        var input = new CustomerInput.DurableTransition(state.CustomerId, state.InstanceId, CauseOf(request.Kind), touchpoint);
        var result = await _processor.RunAsync(input, async (snapshot, now) =>
        {
            profile = snapshot.Customer.Profile;
            var existing = snapshot.ActiveInstances.FirstOrDefault(i => i.InstanceId == state.InstanceId)
                ?? await _customers.GetInstanceAsync(state.CustomerId, state.InstanceId, cancellationToken);
            var confirming = request.Started && existing?.RuntimeStatus == InstanceRuntimeStatus.Pending;
            if (existing is not null && !confirming && (request.Started || IsRecorded(existing.State, state)))
            {
                // A retried activity whose first run committed: nothing more to write.
                deferred = EarliestDeferred(existing);
                return null;
            }

            if (existing is null && !request.Started)
            {
                throw new InvalidOperationException($"Instance {state.InstanceId} advanced before its start was recorded.");
            }

            var definition = await _processor.RequireAsync(existing ?? new InstanceRecord(state, InstanceRecord.StatusOf(state), ETag: null), cancellationToken);
            var work = _processor.NewWork(snapshot, now);
            if (existing is null)
            {
                // Started without the ingress's pending record (an instance started by an operator or a replay).
                work.Started(definition, transition);
            }
            else if (request.MigratedFrom is { } fromVersion)
            {
                // The stored instance is still on the version it left: count the move out of it and into the new one.
                var target = await _catalog.GetAsync(state.JourneyId, state.Version, cancellationToken)
                    ?? throw new InvalidOperationException($"Instance {state.InstanceId} moved to {state.JourneyId} v{state.Version}, which is not stored.");
                existing = work.Migrated(existing, definition, target, transition);
                work.Note($"{state.InstanceId}: moved by a migration from v{fromVersion} to v{state.Version} step '{state.CurrentStep}'");
            }
            else
            {
                existing = confirming ? work.Confirmed(existing, definition, transition) : work.Advanced(existing, definition, transition);
                work.Applied(existing, request.Applied);
            }

            return work.HasChanges ? work : null;
        }, cancellationToken);

        if (request.MigratedFrom is not null && _directory is not null
            && await _directory.FindAsync(state.InstanceId, cancellationToken) is { } location && location.Version != state.Version)
        {
            // After the commit, as in the standalone runtime: a retried activity puts the entry right.
            await _directory.AddAsync(location with { Version = state.Version }, cancellationToken);
        }

        var entry = result.Entry;
        if (entry is null)
        {
            var resent = await _dispatcher.RedispatchAsync(state.CustomerId, state.InstanceId, cancellationToken);
            return new ActivityResult(deferred, []) { Resent = resent, Customer = profile };
        }

        RequireDispatched(entry, state.CustomerId, state.InstanceId);
        var deferredNow = entry.Withheld
            .Where(w => w.InstanceId == state.InstanceId && w.DeferredUntil is not null)
            .Select(w => w.DeferredUntil!.Value)
            .DefaultIfEmpty()
            .Min();
        var sent = entry.Actions.Where(a => a.InstanceId == state.InstanceId).Select(a => a.IdempotencyKey).ToArray();
        return new ActivityResult(deferredNow == default ? null : deferredNow, sent) { Customer = profile };
    }

    /// <summary>Releases the instance's deferred actions that are due, deciding them again, and dispatches those sent.</summary>
    /// <param name="request">The instance.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The sends made and when the next deferred action is due.</returns>
    public async Task<ActivityResult> ReleaseDeferredAsync(DeferredRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DateTimeOffset? remaining = null;
        CustomerProfile? profile = null;
        var result = await _processor.RunAsync(new CustomerInput.DurableRelease(request.CustomerId, request.InstanceId), async (snapshot, now) =>
        {
            profile = snapshot.Customer.Profile;
            var record = snapshot.ActiveInstances.FirstOrDefault(i => i.InstanceId == request.InstanceId)
                ?? await _customers.GetInstanceAsync(request.CustomerId, request.InstanceId, cancellationToken);

            // A terminated or failed instance drops its deferred actions, as in the standalone runtime.
            if (record is null || record.RuntimeStatus is not (InstanceRuntimeStatus.Running or InstanceRuntimeStatus.Completed))
            {
                return null;
            }

            remaining = record.Deferred.Where(d => d.DueAt > now).Select(d => (DateTimeOffset?)d.DueAt).Min();
            var work = _processor.NewWork(snapshot, now);
            work.ReleaseDeferred(record, await _processor.RequireAsync(record, cancellationToken));
            return work.HasChanges ? work : null;
        }, cancellationToken);

        if (result.Entry is not { } entry)
        {
            await _dispatcher.RedispatchAsync(request.CustomerId, request.InstanceId, cancellationToken);
            return new ActivityResult(remaining, []) { Customer = profile };
        }

        RequireDispatched(entry, request.CustomerId, request.InstanceId);
        return new ActivityResult(remaining, [.. entry.Actions.Where(a => a.InstanceId == request.InstanceId).Select(a => a.IdempotencyKey)]) { Customer = profile };
    }

    /// <summary>
    /// The touchpoints raised to an instance that it has not applied: those its customer's partition still keeps for
    /// it, less the ids the orchestration reports applied. Those it reports applied stop being kept, in a commit made
    /// only when there are any.
    /// </summary>
    /// <param name="request">The instance and the touchpoint ids it applied lately.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The unapplied touchpoints, oldest first.</returns>
    public async Task<IReadOnlyList<Touchpoint>> TakeUnappliedAsync(UnappliedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<Touchpoint> unapplied = [];
        await _processor.RunAsync(new CustomerInput.DurableApplied(request.CustomerId, request.InstanceId), (snapshot, now) =>
        {
            var record = snapshot.ActiveInstances.FirstOrDefault(i => i.InstanceId == request.InstanceId);
            if (record is null || record.Buffered.Count == 0)
            {
                return Task.FromResult<CustomerWork?>(null);
            }

            var applied = request.Applied.ToHashSet(StringComparer.Ordinal);
            unapplied = [.. record.Buffered.Where(t => !applied.Contains(t.Id))];
            if (unapplied.Count == record.Buffered.Count)
            {
                return Task.FromResult<CustomerWork?>(null);
            }

            var work = _processor.NewWork(snapshot, now);
            work.Applied(record, applied);
            return Task.FromResult<CustomerWork?>(work);
        }, cancellationToken);

        return unapplied;
    }

    // The orchestration names the cause as the timeline kind it records; its history keeps that string.
    private static TransitionCause CauseOf(string kind) => kind switch
    {
        "touchpoint" => TransitionCause.Touchpoint,
        "wakeUp" => TransitionCause.WakeUp,
        "migrate" => TransitionCause.Migration,
        _ => throw new InvalidOperationException($"Unknown transition kind '{kind}'."),
    };

    // Sends that failed stay in the outbox; failing the activity has the runtime retry it, and the retry sends them.
    private void RequireDispatched(TimelineEntry entry, string customerId, string instanceId)
    {
        var unsent = entry.Actions.Where(a => a.InstanceId == instanceId && !_dispatcher.WasDispatched(customerId, a.IdempotencyKey)).ToArray();
        if (unsent.Length > 0)
        {
            throw new InvalidOperationException(
                $"Instance {instanceId}: {unsent.Length} action(s) committed but not sent ({string.Join(", ", unsent.Select(a => a.IdempotencyKey))}); "
                + "they stay in the outbox and are sent when the activity is retried.");
        }
    }

    // The store holds this transition's result already (or a later one): an activity retried after its commit.
    private static bool IsRecorded(JourneyState stored, JourneyState state) =>
        stored.UpdatedAt > state.UpdatedAt
        || (stored.UpdatedAt == state.UpdatedAt && stored.StepVisits >= state.StepVisits && stored.Status == state.Status
            && string.Equals(stored.CurrentStep, state.CurrentStep, StringComparison.Ordinal)
            && string.Equals(stored.LastEvent?.Id, state.LastEvent?.Id, StringComparison.Ordinal));

    private static DateTimeOffset? EarliestDeferred(InstanceRecord record) =>
        record.Deferred.Select(d => (DateTimeOffset?)d.DueAt).Min();
}
