using System.Globalization;
using System.Text.Json;

namespace Orchestrator.Cli.Migrations;

/// <summary>
/// Shows a running migration's progress: on a terminal one bar redrawn in place, otherwise one plain line each time
/// the figures change, so a log or a CI job reads it as text.
/// </summary>
internal sealed class MigrationProgress(TextWriter output, bool terminal)
{
    public const int BarWidth = 30;

    private string? _last;

    /// <summary>Shows one progress answer.</summary>
    public void Show(JsonElement migration)
    {
        var line = terminal ? Bar(migration) : Line(migration);
        if (line == _last)
        {
            return;
        }

        _last = line;
        if (terminal)
        {
            output.Write('\r' + line);
        }
        else
        {
            output.WriteLine(line);
        }
    }

    /// <summary>Ends the bar's line, so what follows starts on a line of its own.</summary>
    public void Finish()
    {
        if (terminal && _last is not null)
        {
            output.WriteLine();
        }
    }

    /// <summary>The bar: <c>[#########.....] 60% 180/300 moved 175, ended 5, blocked 0, failed 0</c>.</summary>
    public static string Bar(JsonElement migration)
    {
        var (total, done) = Done(migration);
        var filled = total == 0 ? BarWidth : (int)((long)done * BarWidth / total);
        var percent = total == 0 ? 100 : (int)((long)done * 100 / total);
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {percent,3}% {done}/{total} {Counts(migration)}");
    }

    /// <summary>The plain line: <c>running: 180 of 300 done (moved 175, ended 5, blocked 0, failed 0)</c>.</summary>
    public static string Line(JsonElement migration)
    {
        var (total, done) = Done(migration);
        return string.Create(CultureInfo.InvariantCulture, $"{State(migration)}: {done} of {total} done ({Counts(migration)})");
    }

    public static string State(JsonElement migration) =>
        migration.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String ? state.GetString()!.ToLowerInvariant() : "?";

    private static (int Total, int Done) Done(JsonElement migration)
    {
        var done = Int(migration, "moved") + Int(migration, "ended") + Int(migration, "blocked") + Int(migration, "failed");
        return (Math.Max(Int(migration, "total"), done), done);
    }

    private static string Counts(JsonElement migration) => string.Create(
        CultureInfo.InvariantCulture,
        $"moved {Int(migration, "moved")}, ended {Int(migration, "ended")}, blocked {Int(migration, "blocked")}, failed {Int(migration, "failed")}");

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
}
