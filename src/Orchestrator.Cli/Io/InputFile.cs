using System.Diagnostics.CodeAnalysis;

namespace Orchestrator.Cli.Io;

/// <summary>Reads the files named on the command line, turning I/O failures into one clear message.</summary>
internal static class InputFile
{
    public static bool TryRead(string path, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out string? problem)
    {
        text = null;
        try
        {
            text = File.ReadAllText(path);
            problem = null;
            return true;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = "file not found";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            problem = exception.Message;
        }

        return false;
    }

    public static string Describe(string path, string problem) => $"journey: cannot read '{path}': {problem}";
}
