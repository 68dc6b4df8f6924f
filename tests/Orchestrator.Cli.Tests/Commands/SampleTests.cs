using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Commands;

/// <summary>The checked-in samples are what designers copy, so every one must validate and every scenario must pass.</summary>
public sealed class SampleTests
{
    public static TheoryData<string> SampleJourneys => Files("journeys");

    public static TheoryData<string> SampleScenarios => Files("scenarios");

    [Theory]
    [MemberData(nameof(SampleJourneys))]
    public void Validate_SampleJourney_IsValid(string name)
    {
        var result = JourneyCli.Run("validate", SamplePath("journeys", name));

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
    }

    [Theory]
    [MemberData(nameof(SampleScenarios))]
    public void Simulate_SampleScenario_MeetsItsExpectations(string name)
    {
        var result = JourneyCli.Run("simulate", "--events", SamplePath("scenarios", name));

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("expectations met", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SampleJourneys))]
    public void Diagram_SampleJourney_DrawsEveryStep(string name)
    {
        var result = JourneyCli.Run("diagram", SamplePath("journeys", name));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("flowchart TD", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_Exist_ForEveryJourneyAScenario()
    {
        var journeys = Names("journeys").Select(Path.GetFileNameWithoutExtension).ToList();
        var scenarios = Names("scenarios");

        Assert.NotEmpty(journeys);
        Assert.All(journeys, j => Assert.Contains(scenarios, s => s.StartsWith(j + ".", StringComparison.Ordinal)));
    }

    private static string SamplePath(string folder, string name) => Path.Combine(RepositoryRoot.Path, "samples", folder, name);

    private static TheoryData<string> Files(string folder) => [.. Names(folder)];

    private static List<string> Names(string folder)
    {
        var directory = Path.Combine(RepositoryRoot.Path, "samples", folder);
        return Directory.Exists(directory)
            ? [.. Directory.GetFiles(directory, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)]
            : [];
    }
}
