using System.Globalization;
using Orchestrator.Cli.Tracing;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Cli.Diagrams;

/// <summary>
/// The node each step type draws as. Shapes tell step kinds apart at a glance: stadiums end the
/// journey, rounded boxes wait, hexagons choose a path, rectangles act.
/// </summary>
internal static class StepNodes
{
    public static string Node(string nodeId, JourneyStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var (open, close) = Shape(step);
        return $"{nodeId}{open}{MermaidText.Label([step.Id, .. Facts(step)])}{close}";
    }

    public static IEnumerable<string> Facts(JourneyStep step) => step switch
    {
        SendStep send => [$"send {send.Channel}/{send.Action}"],
        DelayStep delay => [Delay(delay)],
        WaitForStep wait => [
            $"wait for {string.Join(", ", wait.Events.Select(e => e.Event).Distinct(StringComparer.Ordinal))}",
            wait.Timeout is { } timeout ? $"timeout {Iso8601Duration.Format(timeout)}" : "no timeout"],
        BranchStep branch => [$"branch: {Count(branch.Cases.Count, "case")} + default"],
        SplitStep split => [$"split: {Count(split.Branches.Count, "branch", "branches")}"],
        SetStep set => [$"set {string.Join(", ", set.Vars.Keys)}"],
        EndStep { Reason: { } reason } end => [$"end: {TraceFormat.Name(end.Outcome)}", reason],
        EndStep end => [$"end: {TraceFormat.Name(end.Outcome)}"],
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "unknown step type"),
    };

    public static string Window(TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var hours = string.Create(CultureInfo.InvariantCulture, $"{window.Opens:HH\\:mm}-{window.Closes:HH\\:mm}");
        var days = window.Days.Count == 0 ? "daily" : string.Join(",", window.Days.Select(d => d.ToString()[..3]));
        var zone = window.TimeZone ?? (window.TimeZoneField is { } field ? $"zone from {field.Text}" : null);
        return zone is null ? $"{hours} {days}" : $"{hours} {days} {zone}";
    }

    private static (string Open, string Close) Shape(JourneyStep step) => step switch
    {
        EndStep => ("([", "])"),
        DelayStep or WaitForStep => ("(", ")"),
        BranchStep or SplitStep => ("{{", "}}"),
        SetStep => ("[/", "/]"),
        _ => ("[", "]"),
    };

    private static string Delay(DelayStep delay) => (delay.Duration, delay.Until, delay.Window) switch
    {
        ({ } duration, _, _) => $"delay {Iso8601Duration.Format(duration)}",
        (_, { } until, _) => $"delay until {until.Text}",
        (_, _, { } window) => $"delay until window {Window(window)}",
        _ => "delay",
    };

    private static string Count(int count, string singular, string? plural = null) =>
        count == 1 ? $"1 {singular}" : $"{count} {plural ?? singular + "s"}";
}
