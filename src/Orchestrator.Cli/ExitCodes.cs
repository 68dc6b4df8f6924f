namespace Orchestrator.Cli;

/// <summary>
/// The process exit codes, so scripts and CI can tell a bad journey from a bad command line.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Every file was valid and every expectation was met.</summary>
    public const int Success = 0;

    /// <summary>A definition or scenario was invalid, or a simulation missed its expectations.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong or a file could not be read or written.</summary>
    public const int UsageError = 2;
}
