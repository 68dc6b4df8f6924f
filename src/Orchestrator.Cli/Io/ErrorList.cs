using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Cli.Io;

/// <summary>Prints a file's problems the same way in every command: the file, then one pointer and message a line.</summary>
internal static class ErrorList
{
    public static void Write(StyledWriter output, string file, IEnumerable<DefinitionError> errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        output.Failure($"✗ {file}");
        foreach (var error in errors)
        {
            output.Line($"  {error}");
        }
    }
}
