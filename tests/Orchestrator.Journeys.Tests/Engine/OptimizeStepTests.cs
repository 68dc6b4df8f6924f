using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Engine;

public class OptimizeStepTests
{
    private const string Holdout = """, "holdout": { "next": "wait", "share": 0.2 }""";

    [Fact]
    public void Optimize_SameInstanceAndFigures_DecidesTheSameWithTheSameValues()
    {
        var definition = OptimizeJourneys.Offer();
        var context = Context(("A", 40, 4), ("B", 40, 9));

        for (var i = 0; i < 100; i++)
        {
            var first = Assignment(definition, i, context);
            var again = Assignment(definition, i, context);

            Assert.Equal(first.Next, again.Next);
            Assert.Equal(first.Values, again.Values);
        }
    }

    [Fact]
    public void Optimize_ColdStart_SplitsRoughlyEvenly()
    {
        var definition = OptimizeJourneys.Offer();

        var a = Enumerable.Range(0, 4000).Count(i => Assignment(definition, i, JourneyContext.Empty).Detail == "A");

        Assert.InRange(a / 4000.0, 0.46, 0.54);
    }

    [Fact]
    public void Optimize_ClearWinner_TakesItExceptWhenExploring()
    {
        var definition = OptimizeJourneys.Offer();
        var context = Context(("A", 1000, 100), ("B", 1000, 200));

        var decisions = Enumerable.Range(0, 4000).Select(i => Assignment(definition, i, context)).ToArray();
        var exploring = decisions.Count(d => d.Values!["mode"] == "\"explore\"");

        Assert.InRange(exploring / 4000.0, 0.08, 0.12);
        Assert.All(decisions.Where(d => d.Values!["mode"] == "\"exploit\""), d => Assert.Equal("B", d.Detail));
    }

    [Fact]
    public void Optimize_Exploiting_RecordsEveryArmsFiguresAndSample()
    {
        var definition = OptimizeJourneys.Offer(""", "explore": 0""");
        var context = Context(("A", 50, 5), ("B", 30, 6));

        var decision = Assignment(definition, 7, context);

        Assert.Equal("\"exploit\"", decision.Values!["mode"]);
        Assert.Equal("50", decision.Values["A.instances"]);
        Assert.Equal("5", decision.Values["A.goals"]);
        Assert.Equal("30", decision.Values["B.instances"]);
        Assert.Equal("6", decision.Values["B.goals"]);
        var winner = double.Parse(decision.Values[$"{decision.Detail}.sample"], System.Globalization.CultureInfo.InvariantCulture);
        var other = double.Parse(decision.Values[$"{(decision.Detail == "A" ? "B" : "A")}.sample"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(winner >= other, $"the arm with the larger sample wins: {winner} vs {other}");
    }

    [Fact]
    public void Optimize_RecordedFigures_RecomputeTheSameAssignment()
    {
        var definition = OptimizeJourneys.Offer();
        var context = Context(("A", 300, 31), ("B", 280, 52));

        for (var i = 0; i < 100; i++)
        {
            var decision = Assignment(definition, i, context);
            var recorded = new JourneyContext
            {
                Arms = new[] { "A", "B" }.ToDictionary(
                    arm => ArmFigures.Key("pick", arm),
                    arm => new ArmFigures(long.Parse(decision.Values![$"{arm}.instances"], System.Globalization.CultureInfo.InvariantCulture), long.Parse(decision.Values[$"{arm}.goals"], System.Globalization.CultureInfo.InvariantCulture)),
                    StringComparer.Ordinal),
            };

            var again = Assignment(definition, i, recorded);
            Assert.Equal(decision.Next, again.Next);
            Assert.Equal(decision.Values, again.Values);
        }
    }

    [Fact]
    public void Optimize_Holdout_KeepsItsShareWhateverTheFigures()
    {
        var definition = OptimizeJourneys.Offer(Holdout);
        var context = Context(("A", 1000, 100), ("B", 1000, 300), ("holdout", 1000, 0));

        var held = Enumerable.Range(0, 5000).Count(i => Assignment(definition, i, context).Detail == "holdout");

        Assert.InRange(held / 5000.0, 0.18, 0.22);
    }

    [Fact]
    public void Optimize_Draws_FollowTheBetaPosterior()
    {
        // Beta(21, 81) has mean 21 / 102 ≈ 0.206: the mean of many seeded draws lands close to it.
        var mean = Enumerable.Range(0, 20_000).Select(i => new SeededRandom((ulong)i * 7919).NextBeta(21, 81)).Average();

        Assert.InRange(mean, 0.200, 0.212);
    }

    private static JourneyContext Context(params (string Label, long Instances, long Goals)[] arms) => new()
    {
        Arms = arms.ToDictionary(a => ArmFigures.Key("pick", a.Label), a => new ArmFigures(a.Instances, a.Goals), StringComparer.Ordinal),
    };

    private static JourneyDecision Assignment(Definitions.JourneyDefinition definition, int customer, JourneyContext context)
    {
        var started = JourneyEngine.Start(definition, Touchpoints.Of("signed-up", Clock.T0, customerId: $"cust-{customer}", id: $"evt-{customer}"), Clock.T0, context);
        return Assert.Single(started.Decisions, d => d.Kind == DecisionKind.SplitAssigned);
    }
}
