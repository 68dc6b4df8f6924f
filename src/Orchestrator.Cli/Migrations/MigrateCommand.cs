using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using Orchestrator.Cli.Analytics;

namespace Orchestrator.Cli.Migrations;

/// <summary>
/// <c>journey migrate --url URL --journey ID --from N --to M --map old=new … [--end-unmapped OUTCOME] [--dry-run]</c>:
/// prints the host's dry run, then starts the migration and follows it to its end with a progress bar.
/// </summary>
internal static class MigrateCommand
{
    private static readonly string[] Header = ["old step", "instances", "action", "new step"];

    /// <summary>Creates the command.</summary>
    /// <param name="handler">Sends the requests; a real HTTP connection when null.</param>
    /// <param name="terminal">Whether the output is a terminal (a bar redrawn in place); decided from the console when null.</param>
    /// <param name="pollEvery">How often progress is read; a second when null.</param>
    /// <returns>The command.</returns>
    public static Command Create(HttpMessageHandler? handler = null, bool? terminal = null, TimeSpan? pollEvery = null)
    {
        var url = HostOptions.Url();
        var journey = new Option<string>("--journey") { Description = "The journey id.", Required = true };
        var from = new Option<int>("--from") { Description = "The version its running instances leave.", Required = true };
        var to = new Option<int>("--to") { Description = "The version they move to.", Required = true };
        var map = new Option<IReadOnlyDictionary<string, string>>("--map")
        {
            Description = "old=new: instances at step 'old' move to step 'new' (repeat for each step).",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = ParseMap,
            DefaultValueFactory = _ => new Dictionary<string, string>(StringComparer.Ordinal),
        };
        var endUnmapped = new Option<string>("--end-unmapped")
        {
            Description = "End instances at steps the map does not name, with this outcome (success, failure, neutral, stopped…); otherwise they block the migration.",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only print where each running instance would go; change nothing." };
        var key = new Option<string>("--key") { Description = $"The host's management key; {HostClient.KeyVariable} when not given." };
        var command = new Command("migrate", "Move a journey's running instances from one version to another on a running host: a dry run, then the migration with its progress.")
        {
            url, journey, from, to, map, endUnmapped, dryRun, key,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = parseResult.InvocationConfiguration;
            var apiKey = parseResult.GetValue(key) ?? Environment.GetEnvironmentVariable(HostClient.KeyVariable);
            if (string.IsNullOrWhiteSpace(apiKey))
            {
                console.Error.WriteLine($"journey migrate: pass --key or set {HostClient.KeyVariable} to the host's management key");
                return ExitCodes.UsageError;
            }

            var run = new Run(
                parseResult.GetRequiredValue(journey), parseResult.GetValue(from), parseResult.GetValue(to),
                parseResult.GetValue(map) ?? new Dictionary<string, string>(), parseResult.GetValue(endUnmapped));
            using var client = new MigrationClient(parseResult.GetRequiredValue(url), apiKey, handler);
            var isTerminal = terminal ?? (ReferenceEquals(console.Output, Console.Out) && !Console.IsOutputRedirected);
            return await RunAsync(client, run, parseResult.GetValue(dryRun), console, isTerminal, pollEvery ?? TimeSpan.FromSeconds(1), cancellationToken);
        });
        return command;
    }

    /// <summary>Prints a dry run as a table, then one summary line.</summary>
    public static void WritePreview(TextWriter output, JsonElement preview)
    {
        var rows = new List<string[]> { Header };
        foreach (var step in preview.GetProperty("steps").EnumerateArray())
        {
            rows.Add([
                step.GetProperty("step").GetString()!,
                step.GetProperty("instances").GetInt32().ToString(CultureInfo.InvariantCulture),
                step.GetProperty("action").GetString()!.ToLowerInvariant(),
                step.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.String ? target.GetString()! : "-",
            ]);
        }

        output.WriteLine(Figures.Table(rows));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Int(preview, "total")} running on v{Int(preview, "from")}: {Int(preview, "moved")} move to v{Int(preview, "to")}, {Int(preview, "ended")} end, {Int(preview, "blocked")} blocked"));
    }

    private static async Task<int> RunAsync(MigrationClient client, Run run, bool dryRun, InvocationConfiguration console, bool terminal, TimeSpan pollEvery, CancellationToken cancellationToken)
    {
        var preview = await client.StartAsync(run.Journey, run.From, run.To, run.Steps, run.EndUnmapped, dryRun: true, cancellationToken);
        if (!preview.IsSuccess)
        {
            console.Error.WriteLine($"journey migrate: {preview.Problem()}");
            return ExitCodes.Failed;
        }

        WritePreview(console.Output, preview.Body);
        var blocked = Int(preview.Body, "blocked");
        if (blocked > 0)
        {
            console.Error.WriteLine($"journey migrate: {blocked} running instance(s) sit at steps the map does not name; map them with --map or end them with --end-unmapped");
            return ExitCodes.Failed;
        }

        if (dryRun)
        {
            return ExitCodes.Success;
        }

        var started = await client.StartAsync(run.Journey, run.From, run.To, run.Steps, run.EndUnmapped, dryRun: false, cancellationToken);
        if (!started.IsSuccess || !started.Body.TryGetProperty("migration", out var migration))
        {
            console.Error.WriteLine($"journey migrate: {started.Problem()}");
            return ExitCodes.Failed;
        }

        var id = migration.GetProperty("id").GetString()!;
        console.Output.WriteLine($"migration {id} started");
        var progress = new MigrationProgress(console.Output, terminal);
        var current = migration;
        while (true)
        {
            progress.Show(current);
            if (MigrationProgress.State(current) != "running")
            {
                break;
            }

            await Task.Delay(pollEvery, cancellationToken);
            var read = await client.GetAsync(run.Journey, id, cancellationToken);
            if (!read.IsSuccess)
            {
                progress.Finish();
                console.Error.WriteLine($"journey migrate: {read.Problem()}");
                return ExitCodes.Failed;
            }

            current = read.Body;
        }

        progress.Finish();
        console.Output.WriteLine(MigrationProgress.Line(current));
        if (current.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            console.Error.WriteLine($"journey migrate: {error.GetString()}");
        }

        return MigrationProgress.State(current) == "completed" && Int(current, "blocked") == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static Dictionary<string, string> ParseMap(ArgumentResult result)
    {
        var steps = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in result.Tokens)
        {
            var parts = token.Value.Split('=');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                result.AddError($"--map takes old=new, not '{token.Value}'");
            }
            else if (!steps.TryAdd(parts[0], parts[1]))
            {
                result.AddError($"--map names step '{parts[0]}' twice");
            }
        }

        return steps;
    }

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;

    private sealed record Run(string Journey, int From, int To, IReadOnlyDictionary<string, string> Steps, string? EndUnmapped);
}
