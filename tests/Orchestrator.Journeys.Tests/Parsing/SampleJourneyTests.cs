using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Tests.Parsing;

/// <summary>The sample journeys designers copy from must themselves be valid.</summary>
public sealed class SampleJourneyTests
{
    // The test project copies samples/**/*.json next to the test assembly.
    private static readonly string SampleFolder = Path.Combine(AppContext.BaseDirectory, "samples", "journeys");

    // A theory with no rows fails, so an empty or missing folder is not a silent pass.
    public static TheoryData<string> SampleFiles => new(
        Directory.Exists(SampleFolder) ? Directory.GetFiles(SampleFolder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal) : []);

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Read_SampleJourney_IsValidAndNamedAfterItsId(string fileName)
    {
        var result = JourneyDefinitionReader.Read(File.ReadAllBytes(Path.Combine(SampleFolder, fileName)));

        Assert.True(result.IsValid, $"{fileName}: {string.Join(Environment.NewLine, result.Errors)}");
        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), result.Definition.Id);
    }
}
