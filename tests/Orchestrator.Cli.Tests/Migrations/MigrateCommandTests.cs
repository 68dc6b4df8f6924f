using System.CommandLine;
using System.Text.Json;
using Orchestrator.Cli.Migrations;

namespace Orchestrator.Cli.Tests.Migrations;

public sealed class MigrateCommandTests
{
    [Fact]
    public void Run_HostMovesEveryInstance_PrintsTheDryRunThenProgressAndExitsZero()
    {
        using var host = new FakeMigrationHost(running: 3);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CliApp.Run(
            ["migrate", "--url", host.Address.ToString(), "--journey", "bill", "--from", "1", "--to", "2", "--map", "wait-pay=wait-payment", "--key", "cli-key"],
            output,
            error);

        Assert.True(exitCode == 0, error.ToString());
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^old step\s+instances\s+action\s+new step$", lines[0]);
        Assert.Matches(@"^wait-pay\s+3\s+move\s+wait-payment$", lines[1]);
        Assert.Equal("3 running on v1: 3 move to v2, 0 end, 0 blocked", lines[2]);
        Assert.Equal("migration m-1 started", lines[3]);
        Assert.Equal("running: 0 of 3 done (moved 0, ended 0, blocked 0, failed 0)", lines[4]);
        Assert.Equal("completed: 3 of 3 done (moved 3, ended 0, blocked 0, failed 0)", lines[^1]);
        var requests = host.Requests.ToArray();
        Assert.Equal(["POST", "POST", "GET", "GET"], requests.Select(r => r.Method));
        Assert.All(requests, r => Assert.Equal("cli-key", r.Key));
        Assert.Equal("/api/journeys/bill/migrations/m-1", requests[^1].Path);
        Assert.Equal(
            [true, false],
            requests.Take(2).Select(r => r.Body!["dryRun"]!.GetValue<bool>()));
        Assert.Equal("wait-payment", requests[1].Body!["steps"]!["wait-pay"]!.GetValue<string>());
    }

    [Fact]
    public void Run_DryRun_PrintsTheTableAndStartsNothing()
    {
        using var host = new FakeMigrationHost(running: 2);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CliApp.Run(
            ["migrate", "--url", host.Address.ToString(), "--journey", "bill", "--from", "1", "--to", "2", "--map", "wait-pay=wait-payment", "--key", "cli-key", "--dry-run"],
            output,
            error);

        Assert.Equal(0, exitCode);
        Assert.Contains("2 running on v1: 2 move to v2, 0 end, 0 blocked", output.ToString(), StringComparison.Ordinal);
        Assert.True(Assert.Single(host.Requests).Body!["dryRun"]!.GetValue<bool>());
    }

    [Fact]
    public void Run_InstancesAtAnUnmappedStep_ExitsOneAndStartsNothing()
    {
        using var host = new FakeMigrationHost(running: 3, blockedStep: "wait-retry");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CliApp.Run(
            ["migrate", "--url", host.Address.ToString(), "--journey", "bill", "--from", "1", "--to", "2", "--map", "wait-pay=wait-payment", "--key", "cli-key"],
            output,
            error);

        Assert.Equal(1, exitCode);
        Assert.Matches(@"wait-retry\s+1\s+block\s+-", output.ToString());
        Assert.Contains("--end-unmapped", error.ToString(), StringComparison.Ordinal);
        Assert.Single(host.Requests);
    }

    [Fact]
    public void Run_EndUnmapped_SendsTheOutcome()
    {
        using var host = new FakeMigrationHost(running: 3, blockedStep: "wait-retry", readsToFinish: 1);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CliApp.Run(
            ["migrate", "--url", host.Address.ToString(), "--journey", "bill", "--from", "1", "--to", "2", "--map", "wait-pay=wait-payment", "--end-unmapped", "neutral", "--key", "cli-key"],
            output,
            error);

        Assert.True(exitCode == 0, error.ToString());
        Assert.All(host.Requests.Where(r => r.Method == "POST"), r => Assert.Equal("neutral", r.Body!["unmapped"]!["end"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("wait-pay")]
    [InlineData("=wait-payment")]
    [InlineData("wait-pay=")]
    public void Run_MapNotOldEqualsNew_ExitsTwo(string map)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CliApp.Run(
            ["migrate", "--url", "http://127.0.0.1:9/", "--journey", "bill", "--from", "1", "--to", "2", "--map", map, "--key", "cli-key"], output, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("--map takes old=new", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OnATerminal_RedrawsOneBarInPlace()
    {
        using var host = new FakeMigrationHost(running: 4, readsToFinish: 2);
        var root = new RootCommand { MigrateCommand.Create(terminal: true, pollEvery: TimeSpan.FromMilliseconds(10)) };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await root.Parse(["migrate", "--url", host.Address.ToString(), "--journey", "bill", "--from", "1", "--to", "2", "--map", "wait-pay=wait-payment", "--key", "cli-key"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(0, exitCode);
        var text = output.ToString();
        Assert.Contains("\r[" + new string('.', MigrationProgress.BarWidth) + "]   0% 0/4 moved 0", text, StringComparison.Ordinal);
        Assert.Contains("\r[" + new string('#', MigrationProgress.BarWidth / 2) + new string('.', MigrationProgress.BarWidth / 2) + "]  50% 2/4 moved 2", text, StringComparison.Ordinal);
        Assert.Contains("\r[" + new string('#', MigrationProgress.BarWidth) + "] 100% 4/4 moved 4, ended 0, blocked 0, failed 0" + Environment.NewLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bar_EmptyMigration_IsFull()
    {
        using var migration = JsonDocument.Parse("""{ "state": "Completed", "total": 0, "moved": 0, "ended": 0, "blocked": 0, "failed": 0 }""");

        Assert.Equal("[" + new string('#', MigrationProgress.BarWidth) + "] 100% 0/0 moved 0, ended 0, blocked 0, failed 0", MigrationProgress.Bar(migration.RootElement));
    }
}
