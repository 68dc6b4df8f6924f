using System.CommandLine;
using System.Text.Json;

namespace Orchestrator.Cli.Analytics;

/// <summary><c>journey stats ID --url URL</c>: a journey's funnel, totals, score, arms and top signals from a running host.</summary>
internal static class StatsCommand
{
    private static readonly string[] Header = ["step", "type", "entered", "now", "left", "ended", "timed out", "p50", "p90", "p99"];

    public static Command Create(HttpMessageHandler? handler = null)
    {
        var id = new Argument<string>("ID") { Description = "The journey id." };
        var url = HostOptions.Url();
        var window = HostOptions.Window();
        var version = new Option<int?>("--version") { Description = "One version (all versions when left out)." };
        var json = new Option<bool>("--json") { Description = "Print the API's JSON answer as it is." };
        var command = new Command("stats", $"Show a journey's funnel, totals, success score, split arms and top signals from a running host (key from {HostClient.KeyVariable}).")
        {
            id, url, window, version, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var query = $"api/journeys/{Uri.EscapeDataString(parseResult.GetRequiredValue(id))}/analytics?window={Uri.EscapeDataString(parseResult.GetValue(window) ?? "7d")}"
                + (parseResult.GetValue(version) is { } v ? $"&version={v}" : "");
            return await HostClient.ShowAsync(
                "journey stats", parseResult.GetRequiredValue(url), query, parseResult.GetValue(json), Write, parseResult.InvocationConfiguration, handler, cancellationToken);
        });
        return command;
    }

    public static void Write(TextWriter output, JsonElement root)
    {
        var report = root.GetProperty("report");
        var totals = report.GetProperty("totals");
        var score = report.GetProperty("score");
        var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? $"version {v}" : "all versions";
        output.WriteLine($"{root.GetProperty("journeyId").GetString()} ({version}), {root.GetProperty("from").GetString()} to {root.GetProperty("to").GetString()} ({root.GetProperty("grain").GetString()} buckets)");
        output.WriteLine($"started {Figures.Count(totals, "started")}, ended {Figures.Count(totals, "endedTotal")} ({Figures.Pairs(totals, "ended")}), goal rate {Figures.Number(totals, "goalRate")}, time to goal p50 {Figures.Duration(totals, "timeToGoalSeconds", "p50")} p90 {Figures.Duration(totals, "timeToGoalSeconds", "p90")}");
        output.WriteLine($"refused: {Figures.Pairs(totals, "refused")}; sent: {Figures.Pairs(totals, "sent")}; withheld: {Figures.Pairs(totals, "withheld")}");
        output.WriteLine($"score {Figures.Number(score, "score", "0.0")} (target {Figures.Number(score, "target")}, previous {Figures.Number(report, "previousScore", "0.0")}, trend {Figures.Number(report, "trend", "+0.0;-0.0;0")}): goal {Figures.Number(score, "goal")}, speed {Figures.Number(score, "speed")}, effort {Figures.Number(score, "effort")} ({Figures.Number(score, "effortPerSuccess")} per success), survey {Figures.Number(score, "survey")}");
        output.WriteLine();

        var rows = new List<string[]> { Header };
        foreach (var step in report.GetProperty("steps").EnumerateArray())
        {
            rows.Add([
                step.GetProperty("step").GetString()!, step.GetProperty("type").GetString()!, Figures.Count(step, "entered"), Figures.Count(step, "currentlyIn"),
                Figures.Pairs(step, "left"), Figures.Pairs(step, "ended"), Figures.Count(step, "timedOut"),
                Figures.Duration(step, "timeInStepSeconds", "p50"), Figures.Duration(step, "timeInStepSeconds", "p90"), Figures.Duration(step, "timeInStepSeconds", "p99"),
            ]);
        }

        output.WriteLine(Figures.Table(rows));
        foreach (var arm in report.GetProperty("arms").EnumerateArray())
        {
            output.WriteLine($"arm {arm.GetProperty("split").GetString()}/{arm.GetProperty("arm").GetString()}{(arm.GetProperty("control").GetBoolean() ? " (control)" : "")}: {Figures.Count(arm, "goals")} of {Figures.Count(arm, "instances")} reached the goal, rate {Figures.Number(arm, "rate")} [{Figures.Number(arm, "low")}, {Figures.Number(arm, "high")}], uplift {Figures.Number(arm, "uplift", "+0.##;-0.##;0")}, p {Figures.Number(arm, "pValue", "0.###")}");
        }

        foreach (var signal in report.GetProperty("signals").EnumerateArray().Take(5))
        {
            output.WriteLine($"signal {signal.GetProperty("signal").GetString()}: {Figures.Count(signal, "instances")} instances, success rate {Figures.Number(signal, "rate")}, lift {Figures.Number(signal, "lift")}, z {Figures.Number(signal, "z")}{(signal.GetProperty("trusted").GetBoolean() ? ", trusted" : ", not enough evidence")}");
        }
    }
}
