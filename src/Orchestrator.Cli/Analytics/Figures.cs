using System.Globalization;
using System.Text.Json;

namespace Orchestrator.Cli.Analytics;

/// <summary>Formats analytics values for the tables.</summary>
internal static class Figures
{
    public static string Count(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64().ToString(CultureInfo.InvariantCulture) : "0";

    public static string Number(JsonElement element, string name, string format = "0.##") =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString(format, CultureInfo.InvariantCulture) : "-";

    public static string Pairs(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Any()
            ? string.Join(", ", value.EnumerateObject().Select(p => $"{p.Name} {p.Value}"))
            : "-";

    public static string Duration(JsonElement element, string name, string quantile)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(quantile, out var seconds))
        {
            return "-";
        }

        var s = seconds.GetDouble();
        return s switch
        {
            <= 1 => "<1s",
            < 120 => $"{s:0}s",
            < 7_200 => $"{s / 60:0}m",
            < 172_800 => $"{s / 3_600:0}h",
            _ => $"{s / 86_400:0}d",
        };
    }

    public static string Table(IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        return string.Join(Environment.NewLine, rows.Select(r => string.Join("  ", r.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()));
    }
}
