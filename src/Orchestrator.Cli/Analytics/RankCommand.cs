using System.CommandLine;
using System.Text.Json;

namespace Orchestrator.Cli.Analytics;

/// <summary><c>journey rank --url URL</c>: every deployed journey ranked by opportunity, under-performers flagged.</summary>
internal static class RankCommand
{
    private static readonly string[] Header = ["#", "journey", "volume", "score", "target", "trend", "noise", "opportunity", "flag"];

    public static Command Create(HttpMessageHandler? handler = null)
    {
        var url = HostOptions.Url();
        var window = HostOptions.Window();
        var json = new Option<bool>("--json") { Description = "Print the API's JSON answer as it is." };
        var command = new Command("rank", $"Rank the deployed journeys to fix first, from a running host (key from {HostClient.KeyVariable}).")
        {
            url, window, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var query = $"api/analytics/journeys?window={Uri.EscapeDataString(parseResult.GetValue(window) ?? "7d")}";
            return await HostClient.ShowAsync(
                "journey rank", parseResult.GetRequiredValue(url), query, parseResult.GetValue(json), Write, parseResult.InvocationConfiguration, handler, cancellationToken);
        });
        return command;
    }

    public static void Write(TextWriter output, JsonElement ranking)
    {
        var rows = new List<string[]> { Header };
        var place = 0;
        foreach (var journey in ranking.EnumerateArray())
        {
            var flags = new List<string>();
            if (journey.GetProperty("belowTarget").GetBoolean())
            {
                flags.Add("below target");
            }

            if (journey.GetProperty("falling").GetBoolean())
            {
                flags.Add("falling");
            }

            rows.Add([
                (++place).ToString(System.Globalization.CultureInfo.InvariantCulture), journey.GetProperty("journeyId").GetString()!, Figures.Count(journey, "volume"),
                Figures.Number(journey, "score", "0.0"), Figures.Number(journey, "target"), Figures.Number(journey, "trend", "+0.0;-0.0;0"),
                Figures.Number(journey, "noise", "0.0"), Figures.Number(journey, "opportunity", "0.0"), flags.Count > 0 ? string.Join(", ", flags) : "-",
            ]);
        }

        output.WriteLine(Figures.Table(rows));
    }
}
