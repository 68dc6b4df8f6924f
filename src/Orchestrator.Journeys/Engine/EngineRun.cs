using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Templates;

namespace Orchestrator.Journeys.Engine;

/// <summary>
/// One engine call: a mutable working copy of the state, the commands and decisions it produces.
/// Built fresh per call and never shared, so the public API stays immutable.
/// </summary>
internal sealed class EngineRun
{
    private static readonly string[] CaseLabels = [.. Enumerable.Range(0, 16).Select(i => $"case {i}")];

    private readonly JourneyDefinition _definition;
    private readonly JourneyState _original;
    private readonly DateTimeOffset _now;
    private readonly DateTimeOffset? _previousWakeUp;
    private readonly JourneyContext _context;
    private List<JourneyCommand>? _commands;
    private List<JourneyDecision>? _decisions;
    private int _stepsThisInput;

    private JourneyStatus _status;
    private JourneyOutcome? _outcome;
    private string? _reason;
    private string? _currentStep;
    private WaitKind _waiting;
    private DateTimeOffset? _waitDeadline;
    private DateTimeOffset? _goalReachedAt;
    private long _stepVisits;
    private Touchpoint? _lastEvent;
    private Touchpoint? _event;
    private JsonElement? _vars;

    public EngineRun(JourneyDefinition definition, JourneyState state, DateTimeOffset now, DateTimeOffset? previousWakeUp, JourneyContext context)
    {
        _definition = definition;
        _original = state;
        _now = now;
        _previousWakeUp = previousWakeUp;
        _context = context;
        _status = state.Status;
        _outcome = state.Outcome;
        _reason = state.Reason;
        _currentStep = state.CurrentStep;
        _waiting = state.Waiting;
        _waitDeadline = state.WaitDeadline;
        _goalReachedAt = state.GoalReachedAt;
        _stepVisits = state.StepVisits;
        _lastEvent = state.LastEvent;
        _vars = state.Vars;
    }

    private bool Running => _status == JourneyStatus.Running;

    private EvaluationScope Scope => new(
        _event ?? _lastEvent ?? _original.Trigger,
        _original.Trigger,
        _vars,
        _original.CustomerId,
        _original.InstanceId,
        _original.JourneyId,
        _original.Version)
    {
        Customer = _context.Customer,
    };

    public void Begin()
    {
        Record(DecisionKind.Started, step: null, detail: _original.Trigger.Type);
        Enter(_definition.Start);
    }

    public void Accept(JourneyInput input)
    {
        FireDue();
        if (!Running)
        {
            return;
        }

        switch (input)
        {
            case TouchpointReceived received:
                Deliver(received.Touchpoint);
                FireDue();
                break;
            case StopRequested stop:
                Record(DecisionKind.Stopped, _currentStep, detail: stop.Reason);
                Complete(JourneyOutcome.Stopped, stop.Reason ?? "stopped");
                break;
            case WakeUp:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(input), input.GetType().Name, "Unknown journey input.");
        }
    }

    /// <summary>Moves the instance from its step on <paramref name="from"/> to <paramref name="target"/> on this run's definition.</summary>
    public void Migrate(JourneyDefinition from, JourneyState before, string target)
    {
        var oldStep = _currentStep is { } current && from.Steps.TryGetValue(current, out var step) ? step : null;
        var newStep = _definition.Steps[target];

        // Time already waited counts: a migration fixes the journey, it is not an event in the customer's life, so
        // restarting the clock would postpone every reminder by up to a whole timeout (and again at each migration).
        var enteredAt = before.Trail?.StepEnteredAt ?? before.StartedAt;
        var keep = (oldStep, newStep, _waiting) is (WaitForStep, WaitForStep, WaitKind.Events)
            or (DelayStep { Target: FixedDelay }, DelayStep { Target: FixedDelay }, WaitKind.Time);
        var versions = new Dictionary<string, string>(2, StringComparer.Ordinal)
        {
            ["fromVersion"] = before.Version.ToString(CultureInfo.InvariantCulture),
            ["toVersion"] = _definition.Version.ToString(CultureInfo.InvariantCulture),
        };
        Record(DecisionKind.Migrated, before.CurrentStep, target, keep ? MigrationEntry.WaitKept : MigrationEntry.Entered, versions);
        if (keep)
        {
            _currentStep = target;
            _waitDeadline = newStep switch
            {
                WaitForStep { Timeout: { } timeout } => enteredAt + timeout,
                DelayStep { Target: FixedDelay fixedDelay } => enteredAt + fixedDelay.Duration,
                _ => null,
            };
        }
        else
        {
            ClearWait();
            Enter(target);
        }

        FireDue();
    }

    /// <summary>Ends the instance at once with an operator's outcome.</summary>
    public void EndWith(JourneyOutcome outcome, string reason)
    {
        FireDue();
        if (!Running)
        {
            return;
        }

        Record(DecisionKind.Stopped, _currentStep, detail: reason);
        Complete(outcome, reason);
    }

    // A send that lists channels, or asks for the preferred one, carries the others in order for the send-time rules.
    private SendAction ChannelChoice(SendStep send, JsonElement? data, string key)
    {
        var candidates = send.CandidatesFor(_context.Customer?.PreferredChannel);
        return new SendAction(send.Id, candidates[0], send.Action, data, key) { Alternatives = [.. candidates.Skip(1)] };
    }

    public JourneyTransition Finish()
    {
        if (_decisions is null)
        {
            return new JourneyTransition(_original, [], []);
        }

        var state = _original with
        {
            Status = _status,
            Outcome = _outcome,
            Reason = _reason,
            CurrentStep = _currentStep,
            Waiting = _waiting,
            Awaiting = Running && _currentStep is not null
                ? JourneyPlan.For(_definition).Awaiting(_currentStep, goalPending: _goalReachedAt is null)
                : [],
            WaitDeadline = _waitDeadline,
            ExpiresAt = Running ? _original.ExpiresAt : null,
            UpdatedAt = _now,
            GoalReachedAt = _goalReachedAt,
            StepVisits = _stepVisits,
            LastEvent = _lastEvent,
            Vars = _vars,
            Trail = Analytics.InstanceTrail.After(_definition, _original.Trail, _decisions, _lastEvent),
        };

        if (state.NextWakeUpAt is { } wakeUp && wakeUp != _previousWakeUp)
        {
            Command(new ScheduleWakeUp(wakeUp));
        }

        return new JourneyTransition(state, (IReadOnlyList<JourneyCommand>?)_commands ?? [], _decisions);
    }

    /// <summary>Fires whatever is due at engine time: expiry first, then the current wait's deadline.</summary>
    private void FireDue()
    {
        while (Running)
        {
            if (_original.ExpiresAt is { } expires && expires <= _now)
            {
                Record(DecisionKind.Expired, _currentStep, detail: "maxDuration");
                Complete(JourneyOutcome.Expired, "maxDuration");
                return;
            }

            if (_waitDeadline is not { } deadline || deadline > _now || _currentStep is null)
            {
                return;
            }

            var step = _definition.Steps[_currentStep];
            ClearWait();
            switch (step)
            {
                case DelayStep delay:
                    Record(DecisionKind.DelayElapsed, delay.Id, delay.Next);
                    Enter(delay.Next);
                    break;
                case WaitForStep { OnTimeout: { } onTimeout } wait:
                    Record(DecisionKind.TimedOut, wait.Id, onTimeout);
                    Enter(onTimeout);
                    break;
                default:
                    return;
            }
        }
    }

    private void Deliver(Touchpoint touchpoint)
    {
        _event = touchpoint;
        var scope = Scope;

        if (_definition.Goal is { } goal && _goalReachedAt is null && goal.Event == touchpoint.Type
            && (goal.Within is not { } within || _now <= _original.StartedAt + within)
            && (goal.When is null || goal.When.Evaluate(scope)))
        {
            _goalReachedAt = _now;
            _lastEvent = touchpoint;
            Record(DecisionKind.GoalReached, _currentStep, detail: touchpoint.Type, values: Explain(goal.When, scope));
            if (goal.ExitOnGoal)
            {
                Complete(JourneyOutcome.Success, "goal");
                return;
            }
        }

        foreach (var exit in _definition.Exit)
        {
            if (exit.Event == touchpoint.Type && (exit.When is null || exit.When.Evaluate(scope)))
            {
                _lastEvent = touchpoint;
                Record(DecisionKind.Exited, _currentStep, detail: touchpoint.Type, values: Explain(exit.When, scope));
                Complete(JourneyOutcome.Exited, touchpoint.Type);
                return;
            }
        }

        if (_waiting != WaitKind.Events || _currentStep is null || _definition.Steps[_currentStep] is not WaitForStep wait)
        {
            return;
        }

        foreach (var candidate in wait.Events)
        {
            if (candidate.Event == touchpoint.Type && (candidate.When is null || candidate.When.Evaluate(scope)))
            {
                _lastEvent = touchpoint;
                ClearWait();
                Record(DecisionKind.EventMatched, wait.Id, candidate.Next, touchpoint.Type, Explain(candidate.When, scope));
                Enter(candidate.Next);
                return;
            }
        }
    }

    /// <summary>Runs steps from <paramref name="stepId"/> until one waits or the instance ends.</summary>
    private void Enter(string stepId)
    {
        string? next = stepId;
        while (next is not null && Running)
        {
            if (++_stepsThisInput > JourneyEngine.MaxStepsPerInput)
            {
                Record(DecisionKind.GuardTripped, next, detail: $"more than {JourneyEngine.MaxStepsPerInput} steps in one input");
                Complete(JourneyOutcome.Failure, "step-guard");
                return;
            }

            _stepVisits++;
            _currentStep = next;
            Record(DecisionKind.StepEntered, next);
            next = Execute(_definition.Steps[next]);
        }
    }

    /// <summary>Executes one step; returns the step to enter next, or null when the instance waits or ends.</summary>
    private string? Execute(JourneyStep step)
    {
        switch (step)
        {
            case SendStep send:
                var data = send.Data switch
                {
                    null => (JsonElement?)null,
                    LiteralTemplate literal => literal.Value,
                    var template => template.Render(Scope),
                };
                if (data is { ValueKind: JsonValueKind.Null })
                {
                    // A payload that rendered to null is no payload, as it reads back from JSON.
                    data = null;
                }

                var key = string.Create(CultureInfo.InvariantCulture, $"{_original.InstanceId}/{send.Id}/{_stepVisits}");
                Command(send.Channels.Count == 0 && send.Channel != SendStep.Preferred
                    ? new SendAction(send.Id, send.Channel, send.Action, data, key)
                    : ChannelChoice(send, data, key));
                Record(DecisionKind.ActionRequested, send.Id, send.Next, JourneyPlan.For(_definition).ActionLabel(send));
                return send.Next;

            case SetStep set:
                _vars = Assign(set.Vars);
                Record(DecisionKind.VarsSet, set.Id, set.Next, string.Join(",", set.Vars.Keys));
                return set.Next;

            case BranchStep branch:
                return Branch(branch);

            case SplitStep split:
                return Split(split);

            case OptimizeStep optimize:
                var (label, chosen, values) = ArmSelection.Choose(optimize, _original.InstanceId, _context);
                Record(DecisionKind.SplitAssigned, optimize.Id, chosen, label, values);
                return chosen;

            case DelayStep delay:
                var due = DelayDue(delay);
                if (due <= _now)
                {
                    Record(DecisionKind.DelayElapsed, delay.Id, delay.Next, "already due");
                    return delay.Next;
                }

                _waiting = WaitKind.Time;
                _waitDeadline = due;
                Record(DecisionKind.DelayStarted, delay.Id, delay.Next, due.ToString("O", CultureInfo.InvariantCulture));
                return null;

            case WaitForStep wait:
                _waiting = WaitKind.Events;
                _waitDeadline = wait.Timeout is { } timeout ? _now + timeout : null;
                return null;

            case EndStep end:
                Complete(end.Outcome, end.Reason);
                return null;

            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.GetType().Name, "Unknown step type.");
        }
    }

    private string Branch(BranchStep branch)
    {
        // Every field the deciding conditions read is recorded, so each case is evaluated once, with capture.
        var scope = Scope;
        var values = new Dictionary<string, string>(2, StringComparer.Ordinal);
        for (var i = 0; i < branch.Cases.Count; i++)
        {
            var candidate = branch.Cases[i];
            if (candidate.When.Evaluate(scope, values))
            {
                Record(DecisionKind.BranchTaken, branch.Id, candidate.Next, CaseLabel(i), values);
                return candidate.Next;
            }
        }

        Record(DecisionKind.BranchTaken, branch.Id, branch.Default, "default", values);
        return branch.Default;
    }

    private string Split(SplitStep split)
    {
        var total = 0.0;
        foreach (var candidate in split.Branches)
        {
            total += candidate.Weight;
        }

        var point = StableHash.Fraction(_original.InstanceId, split.Id) * total;
        var chosen = split.Branches[^1];
        var cumulative = 0.0;
        foreach (var candidate in split.Branches)
        {
            cumulative += candidate.Weight;
            if (point < cumulative && candidate.Weight > 0)
            {
                chosen = candidate;
                break;
            }
        }

        Record(DecisionKind.SplitAssigned, split.Id, chosen.Next, chosen.Label ?? chosen.Next);
        return chosen.Next;
    }

    private DateTimeOffset DelayDue(DelayStep delay) => delay.Target.Match(
        duration => _now + duration,
        // A missing or unreadable instant means there is nothing to wait for.
        field => Scope.Resolve(field).TryGetInstant(out var instant) ? instant : _now,
        NextOpening);

    private DateTimeOffset NextOpening(TimeWindow window)
    {
        var zoneId = window.TimeZoneField is { } zoneField ? Scope.Resolve(zoneField) is { Kind: FieldValueKind.String } z ? z.Text : null : window.TimeZone;
        return WindowCalculator.NextOpening(window, WindowCalculator.ZoneOrUtc(zoneId), _now);
    }

    private JsonElement Assign(IReadOnlyDictionary<string, JsonTemplate> assignments)
    {
        // Every value is rendered against the variables as they were before this step.
        var scope = Scope;
        var rendered = assignments.ToDictionary(a => a.Key, a => a.Value is LiteralTemplate literal ? literal.Value : a.Value.Render(scope), StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (_vars is { ValueKind: JsonValueKind.Object } existing)
            {
                foreach (var property in existing.EnumerateObject())
                {
                    if (!rendered.ContainsKey(property.Name))
                    {
                        property.WriteTo(writer);
                    }
                }
            }

            foreach (var (name, value) in rendered)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    private void Complete(JourneyOutcome outcome, string? reason)
    {
        _status = JourneyStatus.Completed;
        _outcome = outcome;
        _reason = reason;
        ClearWait();
        Record(DecisionKind.Completed, _currentStep, detail: JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString()));
        Command(new CompleteJourney(outcome, reason));
    }

    private void ClearWait()
    {
        _waiting = WaitKind.None;
        _waitDeadline = null;
    }

    private static string CaseLabel(int index) => index < CaseLabels.Length ? CaseLabels[index] : $"case {index}";

    private static Dictionary<string, string>? Explain(Condition? condition, in EvaluationScope scope)
    {
        if (condition is null)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        condition.Evaluate(scope, values);
        return values;
    }

    private void Record(DecisionKind kind, string? step, string? next = null, string? detail = null, IReadOnlyDictionary<string, string>? values = null) =>
        (_decisions ??= new List<JourneyDecision>(8)).Add(new JourneyDecision(_now, kind, step, next, detail, values));

    private void Command(JourneyCommand command) => (_commands ??= new List<JourneyCommand>(2)).Add(command);
}
