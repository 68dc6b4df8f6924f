using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Analytics;

public class OptimizeFiguresTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(9, 0)]
    public void From_GoalWithinOrAfterTheHorizon_CountsTheRewardOnlyWithin(int daysToGoal, long rewards)
    {
        var definition = OptimizeJourneys.Offer(""", "horizon": "P7D" """);
        var counters = new AnalyticsCounters();
        var started = JourneyEngine.Start(definition, Touchpoints.Of("signed-up", Clock.T0), Clock.T0);
        AnalyticsDelta.Add(definition, null, started, counters);
        var arm = started.Decisions.Single(d => d.Kind == DecisionKind.SplitAssigned).Detail!;
        var ended = JourneyEngine.Apply(definition, started.State, new TouchpointReceived(Touchpoints.Of("purchased", Clock.Day(daysToGoal))), Clock.Day(daysToGoal));
        AnalyticsDelta.Add(definition, started.State, ended, counters);

        var figures = OptimizeFigures.From(definition, counters);

        Assert.Equal(new ArmFigures(1, rewards), figures[ArmFigures.Key("pick", arm)]);
        Assert.Equal(ArmFigures.None, figures[ArmFigures.Key("pick", arm == "A" ? "B" : "A")]);
    }

    [Fact]
    public void Report_OptimizeWithHoldout_ComparesTheArmsWithTheHoldout()
    {
        var definition = OptimizeJourneys.Offer(""", "holdout": { "next": "wait", "label": "none", "share": 0.5 }""");
        var counters = new AnalyticsCounters();
        for (var i = 0; i < 60; i++)
        {
            var started = JourneyEngine.Start(definition, Touchpoints.Of("signed-up", Clock.T0, customerId: $"c-{i}", id: $"e-{i}"), Clock.T0);
            AnalyticsDelta.Add(definition, null, started, counters);
            var ended = JourneyEngine.Apply(definition, started.State, new TouchpointReceived(Touchpoints.Of(i % 3 == 0 ? "purchased" : "lost", Clock.Day(1), customerId: $"c-{i}", id: $"o-{i}")), Clock.Day(1));
            AnalyticsDelta.Add(definition, started.State, ended, counters);
        }

        var arms = JourneyReports.Build(definition, null, counters, counters, null).Arms;

        Assert.Equal(["A", "B", "none"], arms.Select(a => a.Arm));
        Assert.True(Assert.Single(arms, a => a.Arm == "none").Control);
        Assert.Equal(60, arms.Sum(a => a.Instances));
        Assert.All(arms.Where(a => !a.Control && a.Instances > 0), a => Assert.NotNull(a.Uplift));
    }
}
