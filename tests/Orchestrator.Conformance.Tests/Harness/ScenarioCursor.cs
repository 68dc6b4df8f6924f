using Orchestrator.Conformance.Tests.Harness.Api;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>Where one run stands while a host plays many runs side by side on its one clock.</summary>
/// <param name="run">The run.</param>
/// <param name="definition">The journey version the host runs; null when it was never deployed.</param>
internal sealed class ScenarioCursor(ScenarioRun run, JourneyDefinition? definition)
{
    public ScenarioRun Run => run;

    public string CustomerId => run.Script.CustomerId;

    /// <summary>The next script event to post.</summary>
    public int NextEvent { get; private set; }

    /// <summary>The instance the entry event started, by the host's deterministic id; null before.</summary>
    public string? InstanceId { get; private set; }

    /// <summary>The instance's status as last read.</summary>
    public InstanceStatusView? Status { get; set; }

    /// <summary>Ids of the touchpoints posted, in order.</summary>
    public List<string> Posted { get; } = [];

    public List<string> Problems { get; } = [];

    /// <summary>The instance's actions, as the timeline recorded them when the run ended.</summary>
    public IReadOnlyList<ActionView> TimelineActions { get; set; } = [];

    /// <summary>True once driving stopped early: what was seen so far is reported with the problem.</summary>
    public bool Stopped { get; private set; }

    public JourneyRunResult? Result { get; set; }

    /// <summary>
    /// The next thing that must happen, by the simulator's rules: a wake-up due at or before the next event
    /// (or, after the last event, at or before <c>start + runFor</c>) comes first; then the next event.
    /// </summary>
    /// <returns>The moment, or null when the run has ended.</returns>
    public Moment? NextMoment()
    {
        if (Result is not null || Stopped)
        {
            return null;
        }

        var events = run.Script.Events;
        DateTimeOffset? nextEvent = NextEvent < events.Count ? events[NextEvent].At : null;
        var limit = nextEvent ?? run.Script.Start + run.Script.RunFor;
        if (Status?.WakeUpAt is { } wake && wake <= limit)
        {
            return new Moment(wake, IsWakeUp: true);
        }

        return nextEvent is { } at ? new Moment(at, IsWakeUp: false) : null;
    }

    /// <summary>The next event as a touchpoint to post, with the simulator's defaults for id and source.</summary>
    /// <returns>The touchpoint.</returns>
    public ScriptedTouchpoint NextTouchpoint()
    {
        var index = NextEvent;
        var scripted = run.Script.Events[index];
        var id = scripted.Id ?? $"evt-{index}";
        var source = scripted.Source ?? "simulator";
        return new ScriptedTouchpoint(
            CustomerId, index, id, scripted.Type, scripted.At,
            CloudEvents.Touchpoint(id, source, scripted.Type, CustomerId, scripted.At, scripted.Data));
    }

    /// <summary>Moves past the event just posted; the first one matching the entry names the instance.</summary>
    /// <param name="posted">The touchpoint posted.</param>
    /// <returns>True when this event started the instance.</returns>
    public bool Advance(ScriptedTouchpoint posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var scripted = run.Script.Events[NextEvent];
        NextEvent++;
        Posted.Add(posted.Id);
        if (InstanceId is not null || definition is null)
        {
            return false;
        }

        var touchpoint = new Touchpoint(posted.Id, scripted.Type, scripted.Source ?? "simulator", CustomerId, scripted.At, scripted.Data);
        if (!EntryRules.Matches(definition, touchpoint))
        {
            return false;
        }

        InstanceId = InstanceIds.For(definition.Id, CustomerId, posted.Id);
        return true;
    }

    /// <summary>Stops driving this run.</summary>
    /// <param name="problem">Why.</param>
    public void Stop(string problem)
    {
        Problems.Add(problem);
        Stopped = true;
    }

    /// <summary>An instant at which the run needs the host.</summary>
    /// <param name="At">When.</param>
    /// <param name="IsWakeUp">A timer of the instance, rather than the next event.</param>
    public readonly record struct Moment(DateTimeOffset At, bool IsWakeUp);
}
