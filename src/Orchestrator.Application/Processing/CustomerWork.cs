using Orchestrator.Application.Actions;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Processing;

/// <summary>Accumulates what one input does to a customer's journeys, then turns it into one commit.</summary>
internal sealed class CustomerWork
{
    private readonly CustomerSnapshot _snapshot;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<string, JourneyEntryHistory> _entries;
    private readonly List<InstanceRecord> _instances = [];
    private readonly List<TimelineDecision> _decisions = [];
    private readonly List<ActionMessage> _actions = [];
    private readonly List<string> _notes = [];
    private readonly List<DueTimer> _timers = [];
    private readonly List<InstanceLocation> _newInstances = [];

    public CustomerWork(CustomerSnapshot snapshot, DateTimeOffset now)
    {
        _snapshot = snapshot;
        _now = now;
        _entries = new Dictionary<string, JourneyEntryHistory>(snapshot.Customer.Entries, StringComparer.Ordinal);
    }

    /// <summary>Engine time of the input.</summary>
    public DateTimeOffset Now => _now;

    /// <summary>Whether any instance started or changed; routing notes alone change nothing.</summary>
    public bool HasChanges => _instances.Count > 0;

    public IReadOnlyList<DueTimer> Timers => _timers;

    public IReadOnlyList<InstanceLocation> NewInstances => _newInstances;

    public IReadOnlyList<ActionMessage> Actions => _actions;

    public void Note(string note) => _notes.Add(note);

    public void Started(JourneyTransition transition)
    {
        var state = transition.State;
        _entries.TryGetValue(state.JourneyId, out var history);
        _entries[state.JourneyId] = new JourneyEntryHistory(
            (history?.Count ?? 0) + 1,
            (history?.Active ?? 0) + (state.Status == JourneyStatus.Running ? 1 : 0),
            _now);
        _newInstances.Add(new InstanceLocation(state.InstanceId, state.CustomerId, state.JourneyId, state.Version, state.StartedAt));
        Record(new InstanceRecord(state, InstanceRecord.StatusOf(state), ETag: null), transition);
    }

    /// <summary>Records an engine transition of an instance; returns the instance as it now stands.</summary>
    public InstanceRecord Advanced(InstanceRecord before, JourneyTransition transition)
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
        Record(after, transition);
        return after;
    }

    /// <summary>Records a change the engine did not make (runtime status, buffered touchpoints).</summary>
    public void Replaced(InstanceRecord after) => Put(after);

    public CustomerCommit ToCommit(string kind, Touchpoint? touchpoint)
    {
        var customer = _snapshot.Customer;
        var sequence = customer.Sequence + 1;
        var entry = new TimelineEntry(sequence, _now, kind, touchpoint, _decisions, _actions, _notes);
        return new CustomerCommit(
            customer with { Sequence = sequence, Entries = _entries },
            _instances,
            entry,
            touchpoint?.Id,
            _actions);
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

    private void Record(InstanceRecord record, JourneyTransition transition)
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
                    _actions.Add(new ActionMessage(
                        send.IdempotencyKey, send.Channel, send.Action, send.Data, state.CustomerId,
                        state.JourneyId, state.Version, state.InstanceId, send.StepId, _now));
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
}
