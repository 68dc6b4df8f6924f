using System.Runtime.CompilerServices;
using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Engine;

/// <summary>
/// What the engine derives once per definition: for every waiting step, the events an instance there
/// reacts to. Shared by every state at that step, so recording it costs no allocation per input.
/// </summary>
internal sealed class JourneyPlan
{
    private static readonly ConditionalWeakTable<JourneyDefinition, JourneyPlan> Plans = [];

    private readonly Dictionary<string, AwaitedEvent[]> _withGoal = [];
    private readonly Dictionary<string, AwaitedEvent[]> _withoutGoal = [];
    private readonly Dictionary<string, string> _actionLabels = [];

    private JourneyPlan(JourneyDefinition definition)
    {
        var goal = definition.Goal is { } g ? new[] { new AwaitedEvent(g.Event, AwaitPurpose.Goal, g.When?.Describe()) } : [];
        var exits = definition.Exit.Select(e => new AwaitedEvent(e.Event, AwaitPurpose.Exit, e.When?.Describe())).ToArray();
        foreach (var step in definition.Steps.Values)
        {
            var own = step is WaitForStep wait
                ? wait.Events.Select(e => new AwaitedEvent(e.Event, AwaitPurpose.Step, e.When?.Describe(), e.Next)).ToArray()
                : [];
            if (step is SendStep send)
            {
                _actionLabels[send.Id] = $"{send.Channel}/{send.Action}";
            }

            HasOptimize |= step is OptimizeStep;
            _withGoal[step.Id] = [.. own, .. goal, .. exits];
            _withoutGoal[step.Id] = [.. own, .. exits];
        }
    }

    public static JourneyPlan For(JourneyDefinition definition) => Plans.GetValue(definition, d => new JourneyPlan(d));

    /// <summary>Whether a step learns from its arms' figures: hosts read them only for such a version.</summary>
    public bool HasOptimize { get; }

    /// <summary>The <c>channel/action</c> label of a send step, built once.</summary>
    public string ActionLabel(SendStep send) => _actionLabels[send.Id];

    public IReadOnlyList<AwaitedEvent> Awaiting(string stepId, bool goalPending) =>
        (goalPending ? _withGoal : _withoutGoal)[stepId];
}
