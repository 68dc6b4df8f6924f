using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json;
using Orchestrator.Cli.Analytics;

namespace Orchestrator.Cli.Tests.Analytics;

public sealed class AnalyticsCommandTests
{
    private const string Figures = """
        {
          "journeyId": "bill-payment", "version": null, "from": "2026-11-25T00:00:00+00:00", "to": "2026-12-02T10:00:00+00:00", "grain": "day",
          "report": {
            "journeyId": "bill-payment",
            "totals": { "started": 12, "refused": { "reentry": 2 }, "ended": { "success": 8, "failure": 2 }, "endedTotal": 10, "goalReached": 8, "goalRate": 0.8,
                        "timeToGoalSeconds": { "p50": 16384, "p90": 262144 }, "sent": { "email": 12 }, "withheld": {} },
            "steps": [
              { "step": "notify", "type": "send", "entered": 12, "currentlyIn": 0, "left": { "next": 12 }, "ended": {}, "timedOut": 0, "timeInStepSeconds": { "p50": 1, "p90": 1, "p99": 1 } },
              { "step": "wait-pay", "type": "waitFor", "entered": 14, "currentlyIn": 2, "left": { "event:payment.failed": 2, "onTimeout": 1 }, "ended": { "success": 8, "failure": 1 }, "timedOut": 1, "timeInStepSeconds": { "p50": 65536 } }
            ],
            "arms": [ { "split": "offer", "arm": "control", "instances": 5, "goals": 1, "rate": 0.2, "low": 0.04, "high": 0.6, "control": true, "uplift": null, "pValue": null, "test": "z" } ],
            "score": { "score": 72.5, "goal": 0.8, "speed": 0.75, "effort": 0.6, "effortPerSuccess": 5, "survey": null, "target": 75 },
            "previousScore": 70.1, "trend": 2.4,
            "signals": [ { "signal": "path:help:case 0", "instances": 40, "successes": 36, "rate": 0.9, "lift": 1.2, "z": 2.5, "trusted": true } ]
          },
          "series": []
        }
        """;

    private const string Ranking = """
        [ { "journeyId": "renewal", "name": "Renewal", "volume": 200, "score": 60.5, "target": 80, "previousScore": 70, "trend": -9.5, "noise": 4.1, "opportunity": 39, "belowTarget": true, "falling": true, "underPerforming": true },
          { "journeyId": "bill-payment", "name": "Bill payment", "volume": 10, "score": 72.5, "target": 70, "previousScore": null, "trend": null, "noise": null, "opportunity": 0, "belowTarget": false, "falling": false, "underPerforming": false } ]
        """;

    [Fact]
    public void WriteStats_Figures_PrintsTotalsScoreFunnelArmsAndSignals()
    {
        using var figures = JsonDocument.Parse(Figures);
        using var output = new StringWriter();

        StatsCommand.Write(output, figures.RootElement);

        var text = output.ToString();
        Assert.Contains("bill-payment (all versions)", text, StringComparison.Ordinal);
        Assert.Contains("started 12, ended 10 (success 8, failure 2), goal rate 0.8, time to goal p50 5h p90 3d", text, StringComparison.Ordinal);
        Assert.Contains("score 72.5 (target 75, previous 70.1, trend +2.4)", text, StringComparison.Ordinal);
        Assert.Matches(@"wait-pay\s+waitFor\s+14\s+2\s+event:payment.failed 2, onTimeout 1\s+success 8, failure 1\s+1\s+18h", text);
        Assert.Contains("arm offer/control (control): 1 of 5 reached the goal", text, StringComparison.Ordinal);
        Assert.Contains("signal path:help:case 0: 40 instances, success rate 0.9, lift 1.2, z 2.5, trusted", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteRank_Ranking_PrintsOnePlacePerJourneyWithFlags()
    {
        using var ranking = JsonDocument.Parse(Ranking);
        using var output = new StringWriter();

        RankCommand.Write(output, ranking.RootElement);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^1\s+renewal\s+200\s+60.5\s+80\s+-9.5\s+4.1\s+39.0\s+below target, falling$", lines[1]);
        Assert.Matches(@"^2\s+bill-payment\s+10\s+72.5\s+70\s+-\s+-\s+0.0\s+-$", lines[2]);
    }

    [Fact]
    public async Task Stats_HostAnswers_AsksTheAnalyticsRouteWithTheKeyAndPrintsTheTable()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, Figures);
        var (exitCode, output, _) = await InvokeAsync(StatsCommand.Create(handler), "stats", "bill-payment", "--url", "http://host.test", "--window", "30d", "--version", "2");

        Assert.Equal(0, exitCode);
        Assert.Equal("http://host.test/api/journeys/bill-payment/analytics?window=30d&version=2", handler.Requested?.ToString());
        Assert.Equal("test-key", handler.Key);
        Assert.Contains("notify", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_HostAnswersProblem_ExitsOneWithTheDetail()
    {
        var handler = new RecordingHandler(HttpStatusCode.BadRequest, """{ "title": "Invalid analytics query", "detail": "'0d' is not a window" }""");
        var (exitCode, _, error) = await InvokeAsync(RankCommand.Create(handler), "rank", "--url", "http://host.test", "--window", "0d");

        Assert.Equal(1, exitCode);
        Assert.Contains("'0d' is not a window", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_Json_PrintsTheAnswerAsItIs()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, Ranking);
        var (exitCode, output, _) = await InvokeAsync(RankCommand.Create(handler), "rank", "--url", "http://host.test", "--json");

        Assert.Equal(0, exitCode);
        using var printed = JsonDocument.Parse(output);
        Assert.Equal("renewal", printed.RootElement[0].GetProperty("journeyId").GetString());
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(Command command, params string[] args)
    {
        Environment.SetEnvironmentVariable(HostClient.KeyVariable, "test-key");
        var root = new RootCommand { command };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    private sealed class RecordingHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public Uri? Requested { get; private set; }

        public string? Key { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requested = request.RequestUri;
            Key = request.Headers.TryGetValues("x-api-key", out var keys) ? keys.Single() : null;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
