using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Simulation;

/// <summary>The full record of a simulation: every input, decision and command, and the final state.</summary>
/// <param name="Entries">Inputs in the order applied.</param>
/// <param name="FinalState">The instance's last state; null when the script never entered the journey.</param>
public sealed record SimulationTrace(IReadOnlyList<TraceEntry> Entries, JourneyState? FinalState)
{
    /// <summary>What the run adds to the journey's analytics, counted by the runtime's own rules.</summary>
    public Analytics.AnalyticsCounters Analytics { get; init; } = new();

    /// <summary>The outcome name, <c>running</c>, or <c>notStarted</c>.</summary>
    public string Outcome => FinalState switch
    {
        null => "notStarted",
        { Outcome: { } outcome } => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString()),
        _ => "running",
    };

    /// <summary>Every action sent, in order, as <c>channel/action</c>.</summary>
    public IReadOnlyList<string> Actions =>
        [.. Entries.SelectMany(e => e.Commands).OfType<SendAction>().Select(a => $"{a.Channel}/{a.Action}")];

    /// <summary>Every step entered, in order.</summary>
    public IReadOnlyList<string> Steps =>
        [.. Entries.SelectMany(e => e.Decisions).Where(d => d.Kind == DecisionKind.StepEntered).Select(d => d.Step!)];
}
