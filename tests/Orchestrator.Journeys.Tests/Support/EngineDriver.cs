using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Tests.Support;

/// <summary>
/// Drives one instance through the engine the way a host would, keeping the latest state and every
/// transition. It adds no behaviour of its own: each call is exactly one engine call.
/// </summary>
internal sealed class EngineDriver
{
    private readonly List<JourneyTransition> _transitions = [];
    private JourneyState? _state;

    public EngineDriver(JourneyDefinition definition) => Definition = definition;

    public JourneyDefinition Definition { get; }

    public JourneyState State => _state ?? throw new InvalidOperationException("Start the instance first.");

    public IReadOnlyList<JourneyTransition> Transitions => _transitions;

    public IEnumerable<JourneyDecision> Decisions => _transitions.SelectMany(t => t.Decisions);

    public IEnumerable<JourneyCommand> Commands => _transitions.SelectMany(t => t.Commands);

    /// <summary>Every step entered so far, in order.</summary>
    public IReadOnlyList<string> StepsEntered =>
        [.. Decisions.Where(d => d.Kind == DecisionKind.StepEntered).Select(d => d.Step!)];

    /// <summary>Every action sent so far, as <c>channel/action</c>.</summary>
    public IReadOnlyList<string> Actions =>
        [.. Commands.OfType<SendAction>().Select(a => $"{a.Channel}/{a.Action}")];

    public JourneyTransition Start(Touchpoint trigger, DateTimeOffset? at = null, string? instanceId = null) =>
        Record(instanceId is null
            ? JourneyEngine.Start(Definition, trigger, at ?? trigger.Time)
            : JourneyEngine.Start(Definition, instanceId, trigger, at ?? trigger.Time));

    public JourneyTransition Apply(JourneyInput input, DateTimeOffset now) =>
        Record(JourneyEngine.Apply(Definition, State, input, now));

    public JourneyTransition Touch(string type, DateTimeOffset at, string? data = null) =>
        Apply(new TouchpointReceived(Touchpoints.Of(type, at, data)), at);

    public JourneyTransition Wake(DateTimeOffset at) => Apply(WakeUp.Instance, at);

    /// <summary>Wakes the instance exactly when it asked to be woken.</summary>
    public JourneyTransition WakeWhenDue() =>
        Wake(State.NextWakeUpAt ?? throw new InvalidOperationException("The instance asked for no wake-up."));

    public JourneyTransition Stop(DateTimeOffset at, string? reason = null) => Apply(new StopRequested(reason), at);

    private JourneyTransition Record(JourneyTransition transition)
    {
        _transitions.Add(transition);
        _state = transition.State;
        return transition;
    }
}
