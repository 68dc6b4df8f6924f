using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Tests.Parsing;

namespace Orchestrator.Journeys.Tests.Analytics;

public class JourneyReportsTests
{
    private const string Score = """
        { "weights": { "goal": 0.5, "speed": 0.2, "effort": 0.2, "survey": 0.1 }, "target": 75, "speedTarget": "P3D", "effortTarget": 3,
          "survey": { "event": "csat.submitted", "field": "event.data.score", "min": 1, "max": 5 } }
        """;

    [Fact]
    public void Score_WorkedExampleOfTheDocs_Is74()
    {
        var score = JourneyReports.Score(Definition(Score), WorkedExample());

        Assert.Equal(74.0, score.Score);
        Assert.Equal((0.75, 0.8, 0.625, 4.8, 0.8), (score.Goal, score.Speed, score.Effort, score.EffortPerSuccess, score.Survey));
        Assert.Equal(75, score.Target);
    }

    [Fact]
    public void Score_NoSurveyConfigured_LeavesThatPartOutOfTheWeighting()
    {
        var score = JourneyReports.Score(Definition(Score.Replace("\"survey\": { \"event\": \"csat.submitted\", \"field\": \"event.data.score\", \"min\": 1, \"max\": 5 }", "\"assistedChannels\": [\"contact-center\"]", StringComparison.Ordinal)), WorkedExample());

        Assert.Equal(73.3, score.Score);
        Assert.Null(score.Survey);
    }

    [Fact]
    public void Score_NothingEnded_IsNull() =>
        Assert.Null(JourneyReports.Score(Definition(Score), new AnalyticsCounters()).Score);

    [Fact]
    public void Build_ArmsWithControl_GivesIntervalUpliftAndTest()
    {
        var definition = Definition(Score);
        var counters = new AnalyticsCounters();
        counters.Add("ended", 400);
        counters.Add("signal:arm:offer:control|n", 200);
        counters.Add("signal:arm:offer:control|goal", 40);
        counters.Add("signal:arm:offer:treatment|n", 200);
        counters.Add("signal:arm:offer:treatment|goal", 70);
        var split = definition with
        {
            Steps = new Dictionary<string, Definitions.JourneyStep>(definition.Steps)
            {
                ["offer"] = new Definitions.SplitStep("offer", [new Definitions.SplitBranch(1, "thanks", "control"), new Definitions.SplitBranch(1, "thanks", "treatment")]),
            },
        };

        var arms = JourneyReports.Build(split, null, counters, counters, null).Arms;

        var treatment = Assert.Single(arms, a => a.Arm == "treatment");
        Assert.Equal(0.35, treatment.Rate);
        Assert.Equal(0.15, treatment.Uplift);
        Assert.True(treatment.PValue < 0.001, $"p = {treatment.PValue}");
        Assert.True(treatment.Low < 0.35 && treatment.High > 0.35);
        Assert.True(Assert.Single(arms, a => a.Arm == "control").Control);
    }

    private static AnalyticsCounters WorkedExample()
    {
        var counters = new AnalyticsCounters();
        counters.Add("ended", 200);
        counters.Add("ended:success", 150);
        counters.Add("ended:failure", 50);
        counters.Add("ended:goal", 150);
        counters.Add("ended:goalInTime", 120);
        counters.Add("effort:contacts", 600);
        counters.Add("effort:switches", 90);
        counters.Add("effort:assisted", 30);
        counters.Add("survey:answers", 40);
        counters.Add("survey:sumMilli", 168_000);
        return counters;
    }

    private static Definitions.JourneyDefinition Definition(string score)
    {
        var read = JourneyDefinitionReader.Read(System.Text.Encoding.UTF8.GetBytes(JourneyJson.With("/score", score)));
        Assert.True(read.IsValid, string.Join(Environment.NewLine, read.Errors));
        return read.Definition;
    }
}
