namespace Orchestrator.Cli.Tests.Support;

/// <summary>Runs the <c>journey</c> command line in-process, capturing what it writes.</summary>
public static class JourneyCli
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = CliApp.Run(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
