using System.CommandLine;
using Orchestrator.Cli.Io;
using Orchestrator.Cli.Diagrams;

namespace Orchestrator.Cli.Commands;

/// <summary><c>journey diagram FILE [--output FILE]</c>: draws a journey as a Mermaid flowchart.</summary>
internal static class DiagramCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Journey definition to draw." };
        var output = new Option<string?>("--output", "-o")
        {
            HelpName = "FILE",
            Description = "Write the diagram to this file instead of standard output; a .md file gets a ```mermaid block.",
        };
        var command = new Command("diagram", "Draw a journey as a Mermaid flowchart.")
        {
            file,
            output,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(file),
            parseResult.GetValue(output),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string file, string? outputFile, TextWriter stdout, TextWriter stderr)
    {
        var definition = DefinitionFile.Load(file, stderr, out var exitCode);
        if (definition is null)
        {
            return exitCode;
        }

        var diagram = MermaidDiagram.Render(definition);
        if (outputFile is null)
        {
            stdout.Write(diagram);
            return ExitCodes.Success;
        }

        var isMarkdown = Path.GetExtension(outputFile) is ".md" or ".markdown";
        try
        {
            // Markdown viewers (GitHub, Azure DevOps, IDEs) render a fenced mermaid block as the chart.
            File.WriteAllText(outputFile, isMarkdown ? $"```mermaid\n{diagram}```\n" : diagram);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            stderr.WriteLine($"journey: cannot write '{outputFile}': {exception.Message}");
            return ExitCodes.UsageError;
        }

        StyledWriter.For(stdout).Success($"✓ diagram of {definition.Id} written to {outputFile}");
        return ExitCodes.Success;
    }
}
