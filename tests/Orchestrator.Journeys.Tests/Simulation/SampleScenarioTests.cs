using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Simulation;

namespace Orchestrator.Journeys.Tests.Simulation;

/// <summary>Every sample scenario, run on its sample journey, meets its own expectations.</summary>
public class SampleScenarioTests
{
    // The test project copies samples/**/*.json next to the test assembly.
    private static readonly string ScenarioFolder = Path.Combine(AppContext.BaseDirectory, "samples", "scenarios");

    // A theory with no rows fails, so a missing folder is not a silent pass.
    public static TheoryData<string> ScenarioFiles => new(
        Directory.Exists(ScenarioFolder)
            ? Directory.GetFiles(ScenarioFolder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)
            : []);

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Run_SampleScenario_MeetsItsExpectations(string fileName)
    {
        var script = SimulationScriptReader.Read(File.ReadAllText(Path.Combine(ScenarioFolder, fileName)), out var scriptErrors);
        Assert.True(script is not null, $"{fileName}: {string.Join(Environment.NewLine, scriptErrors)}");
        Assert.NotNull(script.Journey);
        Assert.NotNull(script.Expect);
        var read = JourneyDefinitionReader.Read(File.ReadAllBytes(Path.GetFullPath(Path.Combine(ScenarioFolder, script.Journey))));
        Assert.True(read.IsValid, $"{script.Journey}: {string.Join(Environment.NewLine, read.Errors)}");

        var trace = JourneySimulator.Run(read.Definition, script);

        Assert.Empty(SimulationVerifier.Check(trace, script.Expect));
    }
}
