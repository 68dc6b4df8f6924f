using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Cli.Io;

/// <summary>Loads a journey definition for the commands that need a valid one, reporting why when it is not.</summary>
internal static class DefinitionFile
{
    /// <summary>Reads and validates a definition.</summary>
    /// <param name="path">The file, as given.</param>
    /// <param name="errors">Where problems go.</param>
    /// <param name="exitCode">When the result is null, the exit code that says why.</param>
    /// <returns>The definition, or null after reporting the problem.</returns>
    public static JourneyDefinition? Load(string path, TextWriter errors, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!InputFile.TryRead(path, out var json, out var problem))
        {
            errors.WriteLine(InputFile.Describe(path, problem));
            exitCode = ExitCodes.UsageError;
            return null;
        }

        var result = JourneyDefinitionReader.Read(json);
        if (!result.IsValid)
        {
            ErrorList.Write(StyledWriter.For(errors), path, result.Errors);
            exitCode = ExitCodes.Failed;
            return null;
        }

        exitCode = ExitCodes.Success;
        return result.Definition;
    }
}
