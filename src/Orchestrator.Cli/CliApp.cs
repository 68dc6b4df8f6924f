using System.CommandLine;
using Orchestrator.Cli.Commands;

namespace Orchestrator.Cli;

/// <summary>
/// The <c>journey</c> command line: parses the arguments and runs one command, writing to the
/// writers it is given so tests can run it in-process.
/// </summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var root = new RootCommand("Validate, simulate and draw customer journey definitions; read a running host's journey analytics; migrate its running instances to a new version.")
        {
            ValidateCommand.Create(),
            SimulateCommand.Create(),
            DiagramCommand.Create(),
            Analytics.StatsCommand.Create(),
            Analytics.RankCommand.Create(),
            Migrations.MigrateCommand.Create(),
        };

        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };

        // System.CommandLine reports parse errors with exit code 1, which this tool keeps for invalid
        // journeys; a wrong command line gets 2. Help and version clear parse errors and run as usual.
        if (parseResult.Errors.Count > 0 && parseResult.Action is not { ClearsParseErrors: true })
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"journey: {error.Message}");
            }

            var command = parseResult.CommandResult.Command;
            var usage = command is RootCommand ? "journey --help" : $"journey {command.Name} --help";
            stderr.WriteLine($"Run '{usage}' for usage.");
            return ExitCodes.UsageError;
        }

        return parseResult.Invoke(configuration);
    }
}
