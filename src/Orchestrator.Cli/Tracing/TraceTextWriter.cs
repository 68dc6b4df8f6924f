using System.Text;
using Orchestrator.Cli.Io;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Simulation;

namespace Orchestrator.Cli.Tracing;

/// <summary>Prints a simulation trace for a designer: each input, what the engine decided and what it asked the host to do.</summary>
internal static class TraceTextWriter
{
    private const string DecisionIndent = "    ";
    private const string CommandPrefix = "    => ";

    public static void Write(StyledWriter output, SimulationTrace trace)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(trace);
        foreach (var entry in trace.Entries)
        {
            output.Heading($"{TraceFormat.Time(entry.At)}  {entry.Input}: {entry.Effect}");
            foreach (var decision in entry.Decisions)
            {
                output.Line(DecisionIndent + Describe(decision));
            }

            foreach (var command in entry.Commands)
            {
                output.Line(CommandPrefix + Describe(command));
            }
        }

        output.Line();
        output.Line($"outcome: {trace.Outcome}");
        output.Line($"actions: {List(trace.Actions)}");
        output.Line($"steps:   {List(trace.Steps)}");
    }

    public static string Describe(JourneyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var text = new StringBuilder(TraceFormat.Name(decision.Kind).PadRight(16));
        text.Append(decision.Step);
        if (decision.Next is { } next)
        {
            text.Append(" → ").Append(next);
        }

        if (decision.Detail is { } detail)
        {
            text.Append("  (").Append(detail).Append(')');
        }

        if (decision.Values is { Count: > 0 } values)
        {
            text.Append("  [").AppendJoin(", ", values.Select(v => $"{v.Key}={v.Value}")).Append(']');
        }

        return text.ToString().TrimEnd();
    }

    public static string Describe(JourneyCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Match(
            send => send.Data is { } data
                ? $"send {send.Channel}/{send.Action} key={send.IdempotencyKey} data={data.GetRawText()}"
                : $"send {send.Channel}/{send.Action} key={send.IdempotencyKey}",
            wakeUp => $"wake-up at {TraceFormat.Time(wakeUp.At)}",
            complete => complete.Reason is { } reason
                ? $"complete {TraceFormat.Name(complete.Outcome)} ({reason})"
                : $"complete {TraceFormat.Name(complete.Outcome)}");
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "(none)" : string.Join(", ", items);
}
