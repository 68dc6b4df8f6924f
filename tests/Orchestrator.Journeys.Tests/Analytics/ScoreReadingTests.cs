using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Tests.Parsing;

namespace Orchestrator.Journeys.Tests.Analytics;

public class ScoreReadingTests
{
    public static TheoryData<string, string, string> Invalid => new()
    {
        { """{ "weights": { "goal": -1 } }""", "/score/weights/goal", "must not be negative" },
        { """{ "weights": { "goal": 0, "speed": 0, "effort": 0, "survey": 0 } }""", "/score/weights", "at least one weight" },
        { """{ "target": 140 }""", "/score/target", "between 0 and 100" },
        { """{ "effortTarget": 0 }""", "/score/effortTarget", "greater than 0" },
        { """{ "speedTarget": "three days" }""", "/score/speedTarget", "" },
        { """{ "survey": { "event": "csat", "field": "event.data.score", "min": 5, "max": 1 } }""", "/score/survey/max", "greater than min" },
        { """{ "survey": { "event": "csat", "field": "nowhere.score", "min": 1, "max": 5 } }""", "/score/survey/field", "" },
        { """{ "weight": { "goal": 1 } }""", "/score/weight", "unknown property" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Read_InvalidScoreBlock_ReportsItAtItsPointer(string score, string pointer, string fragment)
    {
        var result = JourneyDefinitionReader.Read(System.Text.Encoding.UTF8.GetBytes(JourneyJson.With("/score", score)));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Pointer == pointer && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ValidScoreBlock_KeepsEverySetting()
    {
        var result = JourneyDefinitionReader.Read(System.Text.Encoding.UTF8.GetBytes(JourneyJson.With(
            "/score", """{ "weights": { "goal": 1, "survey": 0 }, "target": 80, "speedTarget": "P2D", "effortTarget": 4, "assistedChannels": ["ivr-agent"] }""")));

        Assert.True(result.IsValid, string.Join(", ", result.Errors));
        var score = result.Definition.Score!;
        Assert.Equal((1, 0.2, 0.2, 0, 80, TimeSpan.FromDays(2), 4), (score.GoalWeight, score.SpeedWeight, score.EffortWeight, score.SurveyWeight, score.Target, score.SpeedTarget, score.EffortTarget));
        Assert.Equal(["ivr-agent"], score.AssistedChannels);
    }
}
