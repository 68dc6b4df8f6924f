using System.CommandLine;
using Orchestrator.Cli.Io;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Cli.Commands;

/// <summary><c>journey validate FILE…</c>: checks definitions and lists every problem with its JSON pointer.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Journey definition files to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print a machine-readable JSON report." };
        var command = new Command("validate", "Check journey definitions and report every problem with its JSON pointer.")
        {
            files,
            json,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(files),
            parseResult.GetValue(json),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(IReadOnlyList<string> files, bool json, TextWriter stdout, TextWriter stderr)
    {
        IReadOnlyList<FileValidation> results = [.. files.Select(Check)];
        if (json)
        {
            WriteJson(stdout, results);
        }
        else
        {
            WriteText(StyledWriter.For(stdout), stderr, results);
        }

        return results.Any(r => r.ReadProblem is not null) ? ExitCodes.UsageError
            : results.All(r => r.IsValid) ? ExitCodes.Success
            : ExitCodes.Failed;
    }

    private static FileValidation Check(string file)
    {
        if (!InputFile.TryRead(file, out var text, out var problem))
        {
            return new FileValidation(file, [], problem);
        }

        return new FileValidation(file, JourneyDefinitionReader.Read(text).Errors, null);
    }

    private static void WriteText(StyledWriter output, TextWriter stderr, IReadOnlyList<FileValidation> results)
    {
        foreach (var result in results)
        {
            if (result.ReadProblem is { } problem)
            {
                stderr.WriteLine(InputFile.Describe(result.File, problem));
            }
            else if (result.IsValid)
            {
                output.Success($"✓ {result.File}");
            }
            else
            {
                ErrorList.Write(output, result.File, result.Errors);
            }
        }

        if (results.Count > 1)
        {
            var valid = results.Count(r => r.IsValid);
            var unreadable = results.Count(r => r.ReadProblem is not null);
            var summary = $"{valid} valid, {results.Count - valid - unreadable} invalid";
            output.Muted(unreadable > 0 ? $"{summary}, {unreadable} unreadable" : summary);
        }
    }

    private static void WriteJson(TextWriter stdout, IReadOnlyList<FileValidation> results) =>
        JsonOutput.Write(stdout, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("valid", results.All(r => r.IsValid));
            writer.WriteStartArray("files");
            foreach (var result in results)
            {
                writer.WriteStartObject();
                writer.WriteString("file", result.File);
                writer.WriteBoolean("valid", result.IsValid);
                if (result.ReadProblem is { } problem)
                {
                    writer.WriteString("readError", problem);
                }

                JsonOutput.WriteErrors(writer, "errors", result.Errors);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
}
