using System.Globalization;
using System.Text;
using Orchestrator.Cli.Tracing;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Cli.Diagrams;

/// <summary>Draws a journey definition as a Mermaid <c>flowchart TD</c>.</summary>
internal static class MermaidDiagram
{
    private const string EntryNode = "journey_entry";
    private const string RulesNode = "journey_rules";
    private const string Indent = "    ";

    public static string Render(JourneyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var ids = new MermaidIds();
        var diagram = new StringBuilder();
        diagram.AppendLine("flowchart TD");
        diagram.AppendLine(CultureInfo.InvariantCulture, $"{Indent}%% {MermaidText.Comment($"journey {definition.Id}: {definition.Name}")}");

        diagram.AppendLine(CultureInfo.InvariantCulture, $"{Indent}{EntryNode}((\"start\"))");
        diagram.AppendLine(CultureInfo.InvariantCulture, $"{Indent}{EntryNode} -->|{MermaidText.Label(Describe(definition.Entry))}| {ids.For(definition.Start)}");

        var ordered = InDrawingOrder(definition);
        foreach (var step in ordered)
        {
            diagram.AppendLine(Indent + StepNodes.Node(ids.For(step.Id), step));
        }

        foreach (var step in ordered)
        {
            foreach (var (next, label, dashed) in Edges(step))
            {
                var arrow = dashed ? "-.->" : "-->";
                var text = label is null ? string.Empty : $"|{MermaidText.Label(label)}|";
                diagram.AppendLine(CultureInfo.InvariantCulture, $"{Indent}{ids.For(step.Id)} {arrow}{text} {ids.For(next)}");
            }
        }

        var rules = Rules(definition).ToList();
        if (rules.Count > 0)
        {
            // Goal, exit and maxDuration apply at every step, so they sit beside the flow, not in it.
            diagram.AppendLine(CultureInfo.InvariantCulture, $"{Indent}%% goal, exit and max duration are checked at every step");
            diagram.AppendLine(CultureInfo.InvariantCulture, $"{Indent}{RulesNode}[{MermaidText.Label(rules)}]");
            diagram.AppendLine(CultureInfo.InvariantCulture, $"{Indent}classDef note fill:#fff8dc,stroke:#c9b458,stroke-dasharray:4 3");
            diagram.AppendLine(CultureInfo.InvariantCulture, $"{Indent}class {RulesNode} note");
        }

        return diagram.ToString();
    }

    /// <summary>One edge for every successor of a step, in declaration order.</summary>
    public static IEnumerable<(string Next, string? Label, bool Dashed)> Edges(JourneyStep step) => step switch
    {
        WaitForStep wait => wait.Events
            .Select(e => (e.Next, (string?)Describe(e), false))
            .Concat(wait.OnTimeout is { } onTimeout
                ? [(onTimeout, wait.Timeout is { } timeout ? $"timeout {Iso8601Duration.Format(timeout)}" : "timeout", true)]
                : []),
        BranchStep branch => branch.Cases
            .Select(c => (c.Next, (string?)c.When.Describe(), false))
            .Append((branch.Default, "default", false)),
        SplitStep split => split.Branches.Select(b => (b.Next, (string?)SplitLabel(b, split), false)),
        OptimizeStep optimize => optimize.Arms.Select(a => (a.Next, (string?)a.Label, false))
            .Concat(optimize.Holdout is { } holdout
                ? [(holdout.Next, $"{holdout.Label} {(100 * holdout.Share).ToString("0.#", CultureInfo.InvariantCulture)}% holdout", true)]
                : []),
        _ => step.Successors.Select(next => (next, (string?)null, false)),
    };

    /// <summary>Steps reachable from <c>start</c> first, breadth first, so the chart reads top-down; the rest after.</summary>
    private static List<JourneyStep> InDrawingOrder(JourneyDefinition definition)
    {
        var ordered = new List<JourneyStep>(definition.Steps.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(definition.Start);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id) || !definition.Steps.TryGetValue(id, out var step))
            {
                continue;
            }

            ordered.Add(step);
            foreach (var next in step.Successors)
            {
                queue.Enqueue(next);
            }
        }

        ordered.AddRange(definition.Steps.Values.Where(s => !seen.Contains(s.Id)));
        return ordered;
    }

    private static IEnumerable<string> Rules(JourneyDefinition definition)
    {
        if (definition.Goal is { } goal)
        {
            var within = goal.Within is { } limit ? $" within {Iso8601Duration.Format(limit)}" : string.Empty;
            var ends = goal.ExitOnGoal ? ", ends the journey" : string.Empty;
            yield return $"goal: {Describe(goal)}{within}{ends}";
        }

        foreach (var exit in definition.Exit)
        {
            yield return $"exit: {Describe(exit)}";
        }

        if (definition.MaxDuration is { } maxDuration)
        {
            yield return $"max duration: {Iso8601Duration.Format(maxDuration)}";
        }

        var entry = definition.Entry;
        if (entry.Reentry != ReentryPolicy.AfterExit || entry.Cooldown is not null)
        {
            var cooldown = entry.Cooldown is { } wait ? $", cooldown {Iso8601Duration.Format(wait)}" : string.Empty;
            yield return $"re-entry: {TraceFormat.Name(entry.Reentry)}{cooldown}";
        }
    }

    private static string Describe(EventCriteria criteria) => criteria.When is { } when
        ? $"{criteria.Event} when {when.Describe()}"
        : criteria.Event;

    private static string SplitLabel(SplitBranch branch, SplitStep split)
    {
        var total = split.Branches.Sum(b => b.Weight);
        var weight = branch.Weight.ToString("0.##", CultureInfo.InvariantCulture);
        var label = $"{branch.Label ?? branch.Next} {weight}";
        return total > 0 ? $"{label} ({(100 * branch.Weight / total).ToString("0.#", CultureInfo.InvariantCulture)}%)" : label;
    }
}
