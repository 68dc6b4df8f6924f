namespace Orchestrator.Standalone.Hosting;

/// <summary>
/// A setting the host cannot start with, such as a missing API key. Its message says which setting and how to fix it;
/// the host prints it as one line on stderr and exits with <see cref="ExitCode"/>, rather than dying with a stack trace.
/// </summary>
public sealed class StartupRefusedException : InvalidOperationException
{
    /// <summary>The process exit code of a host that refused to start: 2, a usage error, as shells use it.</summary>
    public const int ExitCode = 2;

    /// <summary>Creates the exception.</summary>
    public StartupRefusedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it, on one line.</param>
    public StartupRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it, on one line.</param>
    /// <param name="innerException">The cause.</param>
    public StartupRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Writes the refusal as one line and gives the exit code.</summary>
    /// <param name="error">Where to write: the process's standard error.</param>
    /// <returns><see cref="ExitCode"/>.</returns>
    public int Report(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine($"Journey Orchestrator did not start: {Message.ReplaceLineEndings(" ")}");
        error.Flush();
        return ExitCode;
    }
}
