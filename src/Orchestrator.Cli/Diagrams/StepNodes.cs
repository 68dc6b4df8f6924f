using System.Globalization;
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

    public static IEnumerable<string> Facts(JourneyStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Match(StepFacts.Cases);
    }

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
        BranchStep or SplitStep or OptimizeStep => ("{{", "}}"),
        SetStep => ("[/", "/]"),
        _ => ("[", "]"),
    };

    internal static string Delay(DelayStep delay) => delay.Target.Match(
        duration => $"delay {Iso8601Duration.Format(duration)}",
        until => $"delay until {until.Text}",
        window => $"delay until window {Window(window)}");

    internal static string Count(int count, string singular, string? plural = null) =>
        count == 1 ? $"1 {singular}" : $"{count} {plural ?? singular + "s"}";
}
