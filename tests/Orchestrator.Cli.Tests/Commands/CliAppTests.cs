using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Commands;

public sealed class CliAppTests
{
    [Fact]
    public void Run_NoCommand_ExitsTwo()
    {
        var result = JourneyCli.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public void Run_UnknownCommand_ExitsTwo()
    {
        var result = JourneyCli.Run("publish", "journey.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("publish", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_ExitsZeroAndListsEveryCommand()
    {
        var result = JourneyCli.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("validate", result.Output, StringComparison.Ordinal);
        Assert.Contains("simulate", result.Output, StringComparison.Ordinal);
        Assert.Contains("diagram", result.Output, StringComparison.Ordinal);
    }
}
