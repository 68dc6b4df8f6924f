using System.CommandLine;
using System.Globalization;
using Orchestrator.Cli.Io;
using Orchestrator.Cli.Tracing;
using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Simulation;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>journey simulate [FILE] --events SCRIPT</c>: runs a journey on a scripted touchpoint stream with
/// a virtual clock, prints what happened and checks the script's expectations.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "Journey definition; defaults to the script's 'journey', relative to the script.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var events = new Option<string>("--events", "-e")
        {
            Description = "Scenario script: the touchpoints to replay and, optionally, what to expect.",
            HelpName = "SCRIPT",
            Required = true,
        };
        var json = new Option<bool>("--json") { Description = "Print the trace as JSON." };
        var command = new Command("simulate", "Run a journey on a scripted touchpoint stream and check its expectations.")
        {
            file,
            events,
            json,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(file),
            parseResult.GetRequiredValue(events),
            parseResult.GetValue(json),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string? file, string scriptFile, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (!InputFile.TryRead(scriptFile, out var scriptJson, out var problem))
        {
            stderr.WriteLine(InputFile.Describe(scriptFile, problem));
            return ExitCodes.UsageError;
        }

        var script = SimulationScriptReader.Read(scriptJson, out var scriptErrors);
        if (script is null)
        {
            ErrorList.Write(StyledWriter.For(stderr), scriptFile, scriptErrors);
            return ExitCodes.Failed;
        }

        var journeyFile = file ?? ResolveFromScript(scriptFile, script.Journey);
        if (journeyFile is null)
        {
            stderr.WriteLine($"journey: no journey to simulate: pass FILE or set 'journey' in '{scriptFile}'");
            return ExitCodes.UsageError;
        }

        var definition = DefinitionFile.Load(journeyFile, stderr, out var exitCode);
        if (definition is null)
        {
            return exitCode;
        }

        var trace = JourneySimulator.Run(definition, script);
        var mismatches = script.Expect is { } expect ? SimulationVerifier.Check(trace, expect) : null;
        if (json)
        {
            JsonOutput.Write(stdout, writer => SimulationTraceJson.Write(writer, trace, mismatches));
        }
        else
        {
            var output = StyledWriter.For(stdout);
            output.Muted($"journey {definition.Id} ({journeyFile}), scenario {scriptFile}");
            TraceTextWriter.Write(output, trace);
            WriteFigures(output.Plain, definition, trace);
            WriteExpectations(output, mismatches);
        }

        return mismatches is { Count: > 0 } ? ExitCodes.Failed : ExitCodes.Success;
    }

    /// <summary>A script's <c>journey</c> is relative to the script, so scenarios run from any directory.</summary>
    private static string? ResolveFromScript(string scriptFile, string? journey)
    {
        if (journey is null)
        {
            return null;
        }

        var scriptDirectory = Path.GetDirectoryName(Path.GetFullPath(scriptFile)) ?? Environment.CurrentDirectory;
        var full = Path.GetFullPath(journey, scriptDirectory);
        return Path.GetRelativePath(Environment.CurrentDirectory, full);
    }

    // What the run adds to the journey's analytics, counted by the runtime's own rules: the expected funnel and score.
    private static void WriteFigures(TextWriter output, Journeys.Definitions.JourneyDefinition definition, SimulationTrace trace)
    {
        var report = JourneyReports.Build(definition, null, trace.Analytics, trace.Analytics, null);
        var totals = report.Totals;
        var ended = string.Join(", ", totals.Ended.Select(p => $"{p.Key} {p.Value}"));
        var score = report.Score.Score is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) : "-";
        output.WriteLine($"figures: started {totals.Started}, ended {totals.EndedTotal}{(ended.Length > 0 ? $" ({ended})" : "")}, score {score} (target {report.Score.Target.ToString(CultureInfo.InvariantCulture)})");
        foreach (var step in report.Steps.Where(s => s.Entered > 0))
        {
            var left = string.Join(", ", step.Left.Select(p => $"{p.Key} {p.Value}").Concat(step.Ended.Select(p => $"ended {p.Key} {p.Value}")));
            output.WriteLine($"  {step.Step}: entered {step.Entered}{(left.Length > 0 ? $", {left}" : "")}");
        }
    }

    private static void WriteExpectations(StyledWriter output, IReadOnlyList<string>? mismatches)
    {
        if (mismatches is null)
        {
            return;
        }

        if (mismatches.Count == 0)
        {
            output.Success("expectations met");
            return;
        }

        output.Failure("expectations not met:");
        foreach (var mismatch in mismatches)
        {
            output.Failure($"  {mismatch}");
        }
    }
}
