using System.Text.Json;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Analytics;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Rules;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Customers;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Processing;

/// <summary>Accumulates what one input does to a customer's journeys, then turns it into one commit.</summary>
/// <remarks>
/// Sends are not put in the outbox as the engine asks for them: they wait until every instance the input
/// reaches has moved; then the transaction asks for the <see cref="SendDecision"/> once (<see cref="DecideSends"/>),
/// which takes them through <see cref="SendRules"/> highest journey priority first, against the customer's send
/// history as read in this same transaction plus the sends already decided for this input.
/// </remarks>
internal sealed class CustomerWork
{
    private readonly CustomerSnapshot _snapshot;
    private readonly DateTimeOffset _now;
    private readonly SendRulesOptions _rules;
    private readonly Dictionary<string, JourneyEntryHistory> _entries;
    private readonly List<InstanceRecord> _instances = [];
    private readonly List<TimelineDecision> _decisions = [];
    private readonly List<PendingSend> _pending = [];
    private readonly List<string> _notes = [];
    private readonly List<DueTimer> _timers = [];
    private readonly List<InstanceLocation> _newInstances = [];
    private readonly SortedDictionary<(string JourneyId, int Version), AnalyticsCounters> _analytics = [];
    private readonly List<OutcomeFact> _ended = [];
    private SendDecision? _decision;
    private CustomerProfile _profile;
    private JourneyContext? _context;

    public CustomerWork(CustomerSnapshot snapshot, DateTimeOffset now, SendRulesOptions rules)
    {
        _snapshot = snapshot;
        _now = now;
        _rules = rules;
        _entries = new Dictionary<string, JourneyEntryHistory>(snapshot.Customer.Entries, StringComparer.Ordinal);
        _profile = snapshot.Customer.Profile;
    }

    /// <summary>The customer's profile as this input leaves it, before the commit updates its journey facts.</summary>
    public CustomerProfile Profile => _profile;

    /// <summary>What the engine is given beside each instance's state: the profile as it now stands.</summary>
    public JourneyContext Context => _context ??= new JourneyContext { Customer = _profile };

    /// <summary>
    /// Records a touchpoint on the profile: its facts (latest touchpoint and channel) and, for a profile touchpoint,
    /// the change its data carries. A change that does not read or would break a limit is left out, and the timeline
    /// says why; the touchpoint itself still routes.
    /// </summary>
    /// <param name="touchpoint">The touchpoint.</param>
    /// <param name="profileType">The touchpoint type that changes profiles.</param>
    public void Saw(Touchpoint touchpoint, string profileType)
    {
        if (touchpoint.Type == profileType)
        {
            var errors = new List<Journeys.Parsing.DefinitionError>();
            var changed = touchpoint.Data is { } data
                ? ProfileChange.Read(data, "/data", errors)?.ApplyTo(_profile, touchpoint.Time, touchpoint.Source, "/data", errors)
                : null;
            if (changed is not null)
            {
                _profile = changed;
            }
            else
            {
                _notes.Add(errors.Count > 0
                    ? $"profile not changed: {string.Join("; ", errors)}"
                    : "profile not changed: the touchpoint has no data");
            }
        }

        _profile = _profile with { Facts = _profile.Facts.After(touchpoint) };
        _context = null;
    }

    /// <summary>Replaces the profile with one a profile change made (the profile route).</summary>
    /// <param name="profile">The new profile.</param>
    /// <param name="note">What changed, for the timeline.</param>
    public void ProfileChanged(CustomerProfile profile, string note)
    {
        _profile = profile;
        _context = null;
        _notes.Add(note);
    }

    /// <summary>Engine time of the input.</summary>
    public DateTimeOffset Now => _now;

    /// <summary>Whether any instance started or changed; routing notes alone change nothing.</summary>
    public bool HasChanges => _instances.Count > 0;

    /// <summary>Instances this work changed or added, as they now stand.</summary>
    public IReadOnlyList<InstanceRecord> Changed => _instances;

    /// <summary>The engine's wake-ups and released instances' next deferral, to store before the commit.</summary>
    /// <remarks>Timers of sends deferred by the send-time rules are the <see cref="SendDecision"/>'s.</remarks>
    public IReadOnlyList<DueTimer> Timers => _timers;

    /// <summary>Directory entries of the instances this work starts, to write before the commit.</summary>
    public IReadOnlyList<InstanceLocation> NewInstances => _newInstances;

    public void Note(string note) => _notes.Add(note);

    /// <summary>Records a touchpoint's routing: its notes for the timeline, its refused entries for the analytics.</summary>
    public void Route(RoutePlan plan)
    {
        _notes.AddRange(plan.Notes);
        foreach (var refused in plan.Refused)
        {
            CountersOf(refused.Definition.Id, refused.Definition.Version).Add(CounterNames.Refused(refused.Reason));
        }
    }

    private AnalyticsCounters CountersOf(string journeyId, int version)
    {
        if (!_analytics.TryGetValue((journeyId, version), out var counters))
        {
            counters = new AnalyticsCounters();
            _analytics.Add((journeyId, version), counters);
        }

        return counters;
    }

    public void Started(JourneyDefinition definition, JourneyTransition transition)
    {
        var state = transition.State;
        CountEntry(state);
        Ended(null, state);
        _newInstances.Add(new InstanceLocation(state.InstanceId, state.CustomerId, state.JourneyId, state.Version, state.StartedAt));
        AnalyticsDelta.Add(definition, null, transition, CountersOf(state.JourneyId, state.Version));
        Record(definition, new InstanceRecord(state, InstanceRecord.StatusOf(state), ETag: null), transition);
    }

    private void CountEntry(JourneyState state)
    {
        _entries.TryGetValue(state.JourneyId, out var history);
        _entries[state.JourneyId] = new JourneyEntryHistory(
            (history?.Count ?? 0) + 1,
            (history?.Active ?? 0) + (state.Status == JourneyStatus.Running ? 1 : 0),
            _now);
    }

    /// <summary>
    /// Records an instance accepted for a runtime that starts it later (a Durable orchestration scheduled by the
    /// ingress): counted as an entry and routable from this commit on, with the provisional state its start gives,
    /// but with no decisions or sends until the runtime confirms the start (<see cref="Confirmed"/>).
    /// </summary>
    public void Accepted(JourneyTransition provisional)
    {
        var state = provisional.State;
        CountEntry(state);
        _newInstances.Add(new InstanceLocation(state.InstanceId, state.CustomerId, state.JourneyId, state.Version, state.StartedAt));
        Put(new InstanceRecord(state, InstanceRuntimeStatus.Pending, ETag: null));
    }

    /// <summary>
    /// Records the start a runtime made of an instance it had accepted (<see cref="Accepted"/>): the real start
    /// transition replaces the provisional state, its decisions and sends are recorded; the entry was counted already.
    /// </summary>
    /// <returns>The instance as it now stands.</returns>
    public InstanceRecord Confirmed(InstanceRecord pending, JourneyDefinition definition, JourneyTransition transition)
    {
        var state = transition.State;
        Ended(null, state);
        if (state.Status == JourneyStatus.Completed && _entries.TryGetValue(state.JourneyId, out var history))
        {
            _entries[state.JourneyId] = history with { Active = Math.Max(0, history.Active - 1) };
        }

        var after = pending with { State = state, RuntimeStatus = InstanceRecord.StatusOf(state) };
        AnalyticsDelta.Add(definition, null, transition, CountersOf(state.JourneyId, state.Version));
        Record(definition, after, transition);
        return after;
    }

    /// <summary>
    /// Keeps a touchpoint routed to an instance until the instance reports it applied (a Durable orchestration's
    /// raised event, which the runtime may lose): the same list a suspended instance keeps for its resume.
    /// </summary>
    /// <returns>Whether it was kept; false when the list is full.</returns>
    public bool Routed(InstanceRecord record, Touchpoint touchpoint)
    {
        var current = _instances.FirstOrDefault(i => i.InstanceId == record.InstanceId) ?? record;
        if (current.Buffered.Any(t => t.Id == touchpoint.Id))
        {
            return true;
        }

        if (current.Buffered.Count >= InstanceRecord.MaxBuffered)
        {
            return false;
        }

        Put(current with { Buffered = [.. current.Buffered, touchpoint] });
        return true;
    }

    /// <summary>Drops the touchpoints an instance reports applied from the ones kept for it; returns it as it now stands.</summary>
    public InstanceRecord Applied(InstanceRecord record, IReadOnlyCollection<string> touchpointIds)
    {
        var current = _instances.FirstOrDefault(i => i.InstanceId == record.InstanceId) ?? record;
        if (!current.Buffered.Any(t => touchpointIds.Contains(t.Id)))
        {
            return current;
        }

        var after = current with { Buffered = [.. current.Buffered.Where(t => !touchpointIds.Contains(t.Id))] };
        Put(after);
        return after;
    }

    /// <summary>Records an engine transition of an instance; returns the instance as it now stands.</summary>
    public InstanceRecord Advanced(InstanceRecord before, JourneyDefinition definition, JourneyTransition transition)
    {
        if (transition.Decisions.Count == 0)
        {
            return before;
        }

        var state = transition.State;
        Ended(before.State, state);
        if (before.State.Status == JourneyStatus.Running && state.Status == JourneyStatus.Completed
            && _entries.TryGetValue(state.JourneyId, out var history))
        {
            _entries[state.JourneyId] = history with { Active = Math.Max(0, history.Active - 1) };
        }

        var status = state.Status == JourneyStatus.Completed ? InstanceRuntimeStatus.Completed : before.RuntimeStatus;
        var after = before with { State = state, RuntimeStatus = status };
        AnalyticsDelta.Add(definition, before.State, transition, CountersOf(state.JourneyId, state.Version));
        Record(definition, after, transition);
        return after;
    }

    /// <summary>
    /// Records a migration's move of an instance from one version of its journey to another (or its end there): the
    /// version it leaves counts it out, the version it moves to counts it in and whatever it did there.
    /// </summary>
    /// <returns>The instance as it now stands.</returns>
    public InstanceRecord Migrated(InstanceRecord before, JourneyDefinition from, JourneyDefinition to, JourneyTransition transition)
    {
        if (transition.Decisions.Count == 0)
        {
            return before;
        }

        var state = transition.State;
        if (before.State.Status == JourneyStatus.Running && state.Status == JourneyStatus.Completed
            && _entries.TryGetValue(state.JourneyId, out var history))
        {
            _entries[state.JourneyId] = history with { Active = Math.Max(0, history.Active - 1) };
        }

        var status = state.Status == JourneyStatus.Completed ? InstanceRuntimeStatus.Completed : before.RuntimeStatus;
        var after = before with { State = state, RuntimeStatus = status };
        AnalyticsDelta.AddMigratedOut(before.State, transition, CountersOf(from.Id, from.Version));
        AnalyticsDelta.Add(to, before.State, transition, CountersOf(to.Id, to.Version));
        Record(to, after, transition);
        return after;
    }

    /// <summary>
    /// Takes an instance's deferred actions that are due off it and decides them again with the other sends
    /// of this input; quiet hours do not apply a second time, caps, suppression and priority do.
    /// </summary>
    /// <returns>The instance as it now stands.</returns>
    public InstanceRecord ReleaseDeferred(InstanceRecord record, JourneyDefinition definition)
    {
        var due = record.Deferred.Where(d => d.DueAt <= _now).ToArray();
        if (due.Length == 0)
        {
            return record;
        }

        var rest = record.Deferred.Where(d => d.DueAt > _now).ToArray();
        var after = record with { Deferred = rest };
        Put(after);
        foreach (var deferred in due)
        {
            _pending.Add(new PendingSend(record.InstanceId, definition, deferred.Action, TimeZone: null, Released: true, Alternatives: []));
        }

        if (rest.Length > 0)
        {
            _timers.Add(new DueTimer(record.State.CustomerId, record.InstanceId, rest.Min(d => d.DueAt)));
        }

        _notes.Add($"{record.InstanceId}: deferred actions released ({string.Join(", ", due.Select(d => d.Action.IdempotencyKey))})");
        return after;
    }

    // An instance that ended in this input joins the profile's recent outcomes.
    private void Ended(JourneyState? before, JourneyState after)
    {
        if (after.Status == JourneyStatus.Completed && before?.Status != JourneyStatus.Completed && after.Outcome is { } outcome)
        {
            _ended.Add(new OutcomeFact(after.JourneyId, after.InstanceId, outcome, _now));
        }
    }

    /// <summary>Records a change the engine did not make (runtime status, buffered touchpoints).</summary>
    public void Replaced(InstanceRecord after) => Put(after);

    /// <summary>The commit of this work and its send decision.</summary>
    /// <param name="input">
    /// The input: its timeline kind and shown touchpoint go on the entry, its dedupe id (an ingress's touchpoint,
    /// never one an activity only shows) is the marker the commit writes.
    /// </param>
    /// <param name="sends">This work's send decision (<see cref="DecideSends"/>).</param>
    public CustomerCommit ToCommit(CustomerInput input, SendDecision sends)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sends);
        if (!ReferenceEquals(sends, _decision))
        {
            throw new InvalidOperationException("The commit takes the send decision this work made.");
        }

        var customer = _snapshot.Customer;
        var sequence = customer.Sequence + 1;
        var entry = new TimelineEntry(sequence, _now, input.TimelineKind, input.Shown, _decisions, sends.Actions, _notes) { Withheld = sends.Withheld, SkippedChannels = sends.Skipped };
        var parts = _analytics.Where(a => !a.Value.IsEmpty).Select(a => new AnalyticsPart(a.Key.JourneyId, a.Key.Version, a.Value.Counts)).ToArray();
        return new CustomerCommit(
            customer with
            {
                Sequence = sequence,
                Entries = _entries,
                Sends = sends.Sends,
                Profile = _profile with { Facts = _profile.Facts.With(JourneysAfter(), _ended) },
            },
            _instances,
            entry,
            input.DedupeId,
            sends.Actions)
        {
            Analytics = parts.Length > 0 ? new AnalyticsRecord(customer.CustomerId, sequence, _now, parts) : null,
        };
    }

    /// <summary>
    /// Decides every send the input asked for, once, when it has done everything else: the priority order spans every
    /// instance it reached. A deferred send is kept on its instance (part of this work's commit) with a timer.
    /// </summary>
    /// <returns>The decision, which the commit records and the transaction dispatches.</returns>
    public SendDecision DecideSends()
    {
        if (_decision is not null)
        {
            throw new InvalidOperationException("The sends of one input are decided once.");
        }

        var actions = new List<ActionMessage>();
        var withheld = new List<WithheldAction>();
        var skipped = new List<SkippedChannel>();
        var timers = new List<DueTimer>();
        var history = new List<SentAction>(_snapshot.Customer.Sends);
        foreach (var candidate in _pending.OrderByDescending(p => p.Definition.Priority))
        {
            var definition = candidate.Definition;
            var request = new SendRequest(candidate.Action.Channel, definition.Id, definition.Category, definition.Priority, definition.SuppressWhileActive, candidate.TimeZone)
            {
                Alternatives = candidate.Alternatives,
                Consent = _profile.Consent,
            };
            var rules = candidate.Released ? _rules with { QuietHours = new Dictionary<string, QuietHours>() } : _rules;
            var verdict = SendRules.Decide(request, ActiveJourneysBesides(candidate.InstanceId), history, rules, _now);

            // The channel chosen among several goes on the action itself: the channel app and the history see it.
            var pending = verdict.Channel is { } chosen && chosen != candidate.Action.Channel
                ? candidate with { Action = candidate.Action with { Channel = chosen } }
                : candidate;
            var action = pending.Action;
            if (candidate.Alternatives.Count > 0)
            {
                var usedInstead = verdict.Kind is SendVerdictKind.Send or SendVerdictKind.Deferred ? action.Channel : null;
                skipped.AddRange(verdict.Skipped
                    .Where(s => s.Channel != usedInstead)
                    .Select(s => new SkippedChannel(pending.InstanceId, action.IdempotencyKey, s.Channel, s.Kind, s.Reason, usedInstead)));
            }

            switch (verdict.Kind)
            {
                case SendVerdictKind.Send:
                    CountersOf(definition.Id, action.Version).Add(CounterNames.Sent(action.Channel));
                    actions.Add(action);
                    history.Add(new SentAction(_now, action.Channel, definition.Id, definition.Category, definition.Priority));
                    break;
                case SendVerdictKind.Deferred:
                    withheld.Add(Defer(pending, verdict, timers));
                    break;
                default:
                    withheld.Add(Withheld(pending, verdict.Kind, verdict.Reason));
                    break;
            }

            if (verdict.Kind != SendVerdictKind.Send)
            {
                CountersOf(definition.Id, action.Version).Add(CounterNames.Withheld(action.Channel, JsonNamingPolicy.CamelCase.ConvertName(verdict.Kind.ToString())));
            }
        }

        _decision = new SendDecision(actions, timers, withheld, skipped, SendRules.Prune(history, _rules, _now));
        return _decision;
    }

    // Kept on the instance with a timer, unless its list is full; either way the timeline says so.
    private WithheldAction Defer(PendingSend pending, SendVerdict verdict, List<DueTimer> timers)
    {
        var record = _instances.First(i => i.InstanceId == pending.InstanceId);
        if (record.Deferred.Count >= InstanceRecord.MaxDeferred)
        {
            return Withheld(pending, SendVerdictKind.Deferred, $"{verdict.Reason}; not kept, as {InstanceRecord.MaxDeferred} actions are deferred already");
        }

        var due = verdict.DeferUntil ?? _now;
        Put(record with { Deferred = [.. record.Deferred, new DeferredAction(pending.Action, due, verdict.Reason)] });
        timers.Add(new DueTimer(record.State.CustomerId, record.InstanceId, due));
        return Withheld(pending, SendVerdictKind.Deferred, verdict.Reason) with { DeferredUntil = due };
    }

    private static WithheldAction Withheld(PendingSend pending, SendVerdictKind kind, string? reason) => new(
        pending.InstanceId, pending.Definition.Id, pending.Action.IdempotencyKey, pending.Action.Channel, pending.Action.Action, kind, reason);

    // The journeys the customer is in once this input is written: changed and new instances as written, the rest as read.
    private IEnumerable<JourneyPresence> JourneysAfter()
    {
        var changed = _instances.ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
        return _snapshot.ActiveInstances
            .Where(i => !changed.ContainsKey(i.InstanceId))
            .Concat(_instances)
            .Where(i => i.IsActive)
            .Select(i => new JourneyPresence(i.State.JourneyId, i.InstanceId, i.State.CurrentStep));
    }

    // The customer's other instances as they stand after this input: changed and new ones as written, the rest as read.
    private HashSet<string> ActiveJourneysBesides(string instanceId)
    {
        var changed = _instances.ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
        return _snapshot.ActiveInstances
            .Where(i => !changed.ContainsKey(i.InstanceId))
            .Concat(_instances)
            .Where(i => i.IsActive && i.InstanceId != instanceId)
            .Select(i => i.State.JourneyId)
            .ToHashSet(StringComparer.Ordinal);
    }

    // One instance changed several times by one input (a resume replaying its buffer) is written once, as it ends.
    private void Put(InstanceRecord record)
    {
        var index = _instances.FindIndex(i => i.InstanceId == record.InstanceId);
        if (index < 0)
        {
            _instances.Add(record);
        }
        else
        {
            _instances[index] = record;
        }
    }

    private void Record(JourneyDefinition definition, InstanceRecord record, JourneyTransition transition)
    {
        var state = record.State;
        Put(record);
        foreach (var decision in transition.Decisions)
        {
            _decisions.Add(new TimelineDecision(state.InstanceId, state.JourneyId, decision));
        }

        foreach (var command in transition.Commands)
        {
            switch (command)
            {
                case SendAction send:
                    _pending.Add(new PendingSend(
                        state.InstanceId,
                        definition,
                        new ActionMessage(
                            send.IdempotencyKey, send.Channel, send.Action, send.Data, state.CustomerId,
                            state.JourneyId, state.Version, state.InstanceId, send.StepId, _now),
                        TimeZoneOf(state) ?? ProfileTimeZone(),
                        Released: false,
                        send.Alternatives));
                    break;
                case ScheduleWakeUp wakeUp:
                    _timers.Add(new DueTimer(state.CustomerId, state.InstanceId, wakeUp.At));
                    break;
                case CompleteJourney:
                    break;
                default:
                    throw new InvalidOperationException($"Unknown journey command {command.GetType().Name}.");
            }
        }
    }

    // vars.timeZone, else the trigger's data.timeZone, else the latest touchpoint's (then the profile's timeZone attribute,
    // read by the caller); null leaves the default.
    private static string? TimeZoneOf(JourneyState state) =>
        TimeZoneIn(state.Vars) ?? TimeZoneIn(state.Trigger.Data) ?? TimeZoneIn(state.LastEvent?.Data);

    private string? ProfileTimeZone() =>
        _profile.Attributes.TryGetValue("timeZone", out var zone) && zone.ValueKind == JsonValueKind.String ? zone.GetString() : null;

    private static string? TimeZoneIn(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("timeZone", out var zone)
        && zone.ValueKind == JsonValueKind.String
            ? zone.GetString()
            : null;

    // Alternatives: channels to try after the action's own, in order; a released deferred action keeps the channel it waited for.
    private sealed record PendingSend(string InstanceId, JourneyDefinition Definition, ActionMessage Action, string? TimeZone, bool Released, IReadOnlyList<string> Alternatives);
}
