namespace Orchestrator.Journeys.Analytics;

/// <summary>One step's funnel over a window.</summary>
/// <param name="Step">The step id.</param>
/// <param name="Type">The step type.</param>
/// <param name="Entered">Entries in the window.</param>
/// <param name="CurrentlyIn">Instances at the step now (all time: entries less exits and ends).</param>
/// <param name="Left">Exits in the window by edge (<c>next</c>, <c>event:{type}</c>, <c>onTimeout</c>, <c>case N</c>, <c>default</c>, <c>arm:{label}</c>).</param>
/// <param name="Ended">Instances that ended at the step in the window, by outcome (drop-off).</param>
/// <param name="TimedOut">Waits that timed out at the step in the window.</param>
/// <param name="TimeInStepSeconds">Time in step p50, p90 and p99 in seconds, from the histogram; empty with no exits.</param>
public sealed record StepFunnel(
    string Step,
    string Type,
    long Entered,
    long CurrentlyIn,
    IReadOnlyDictionary<string, long> Left,
    IReadOnlyDictionary<string, long> Ended,
    long TimedOut,
    IReadOnlyDictionary<string, double> TimeInStepSeconds);
