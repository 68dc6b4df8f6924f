using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;
using static Orchestrator.Journeys.Tests.Support.JourneyBuilder;

namespace Orchestrator.Journeys.Tests.Engine;

public class SplitStepTests
{
    private const int Instances = 10_000;

    [Fact]
    public void Split_SameInstanceAndStep_AssignsTheSameBranchOnEveryRun()
    {
        var definition = Ab(50, 50);

        for (var i = 0; i < 200; i++)
        {
            var id = $"test-journey:cust-{i}:evt-{i}";
            var first = Assigned(definition, id);
            var again = Assigned(new JourneyBuilder().Split("ab", Weighted(50, "a"), Weighted(50, "b")).End("a").End("b").Build(), id);
            Assert.Equal(first, again);
        }
    }

    [Fact]
    public void Split_VisitedAgain_TakesTheSameBranchEachTime()
    {
        var definition = new JourneyBuilder()
            .Split("ab", Weighted(1, "a"), Weighted(1, "b"))
            .WaitFor("a", null, null, On("again", "ab"))
            .WaitFor("b", null, null, On("again", "ab"))
            .Build();

        for (var i = 0; i < 50; i++)
        {
            var driver = new EngineDriver(definition);
            driver.Start(Touchpoints.Of("test.entered", Clock.T0, id: $"t-{i}"));
            driver.Touch("again", Clock.Day(1));
            driver.Touch("again", Clock.Day(2));

            Assert.Single(driver.Decisions.Where(d => d.Kind == DecisionKind.SplitAssigned).Select(d => d.Next).Distinct());
            Assert.Equal(3, driver.Decisions.Count(d => d.Kind == DecisionKind.SplitAssigned));
        }
    }

    [Fact]
    public void Split_NinetyTen_AssignsWithinTwoPointsOfTheWeights()
    {
        var definition = Ab(90, 10);

        var a = Enumerable.Range(0, Instances).Count(i => Assigned(definition, $"test-journey:cust-{i}:evt-{i}") == "a");

        Assert.InRange(a / (double)Instances, 0.88, 0.92);
    }

    [Fact]
    public void Split_ThreeWays_DistributesProportionallyToWeights()
    {
        var definition = new JourneyBuilder()
            .Split("abc", Weighted(1, "a"), Weighted(2, "b"), Weighted(1, "c"))
            .End("a").End("b").End("c")
            .Build();

        var counts = Enumerable.Range(0, Instances)
            .Select(i => Assigned(definition, InstanceIds.For("test-journey", $"customer-{i}", "e")))
            .GroupBy(b => b)
            .ToDictionary(g => g.Key, g => g.Count() / (double)Instances);

        Assert.InRange(counts["a"], 0.23, 0.27);
        Assert.InRange(counts["b"], 0.48, 0.52);
        Assert.InRange(counts["c"], 0.23, 0.27);
    }

    [Theory]
    [InlineData(new double[] { 0, 1 })]
    [InlineData(new double[] { 1, 0 })]
    [InlineData(new double[] { 1, 0, 1 })]
    [InlineData(new double[] { 0, 0.5, 0 })]
    public void Split_ZeroWeightBranch_IsNeverChosen(double[] weights)
    {
        var builder = new JourneyBuilder().Split("s", [.. weights.Select((w, i) => Weighted(w, $"b{i}"))]);
        for (var i = 0; i < weights.Length; i++)
        {
            builder.End($"b{i}");
        }

        var definition = builder.Build();
        var chosen = Enumerable.Range(0, Instances).Select(i => Assigned(definition, $"id-{i}")).ToHashSet();

        Assert.All(chosen, b => Assert.NotEqual(0, weights[int.Parse(b[1..], System.Globalization.CultureInfo.InvariantCulture)]));
        Assert.Equal(weights.Count(w => w > 0), chosen.Count);
    }

    [Fact]
    public void Split_DifferentStepIds_AssignIndependently()
    {
        var definition = new JourneyBuilder()
            .Split("first", Weighted(1, "second"), Weighted(1, "second-too"))
            .Split("second", Weighted(1, "a"), Weighted(1, "b"))
            .Split("second-too", Weighted(1, "a"), Weighted(1, "b"))
            .End("a").End("b")
            .Build();

        var pairs = Enumerable.Range(0, 2000)
            .Select(i => JourneyEngine.Start(definition, $"id-{i}", Touchpoints.Of("test.entered", Clock.T0), Clock.T0).Decisions
                .Where(d => d.Kind == DecisionKind.SplitAssigned).Select(d => d.Next).ToArray())
            .Select(p => (p[0]!.StartsWith("second-too", StringComparison.Ordinal), p[1]))
            .ToList();

        // If the second split reused the first split's hash, its branch would be fixed by the first's.
        Assert.Equal(4, pairs.Distinct().Count());
    }

    [Fact]
    public void Split_RecordsTheLabelOrElseTheNextStep()
    {
        var definition = new JourneyBuilder()
            .Split("s", Weighted(1, "a", "control"), Weighted(0, "b"))
            .Split("t", Weighted(1, "end"))
            .End("a")
            .End("end")
            .StartAt("t")
            .Build();
        var labelled = new JourneyBuilder().Split("s", Weighted(1, "a", "control")).End("a").Build();

        var unlabelledDecision = JourneyEngine.Start(definition, "i", Touchpoints.Of("test.entered", Clock.T0), Clock.T0)
            .Decisions.Single(d => d.Kind == DecisionKind.SplitAssigned);
        var labelledDecision = JourneyEngine.Start(labelled, "i", Touchpoints.Of("test.entered", Clock.T0), Clock.T0)
            .Decisions.Single(d => d.Kind == DecisionKind.SplitAssigned);

        Assert.Equal(("t", "end", "end"), (unlabelledDecision.Step, unlabelledDecision.Next, unlabelledDecision.Detail));
        Assert.Equal(("s", "a", "control"), (labelledDecision.Step, labelledDecision.Next, labelledDecision.Detail));
    }

    [Fact]
    public void StableHash_Fraction_IsFixedAcrossProcessesAndInUnitRange()
    {
        // Pinned values (FNV-1a computed independently): a change here reassigns every running split on replay.
        Assert.Equal(0.13421964208899673, StableHash.Fraction("bill-payment:cust-1:inv-1", "ab"));
        Assert.Equal(0.897440975768482, StableHash.Fraction("a", "b"));
        Assert.Equal(0.6851162492585053, StableHash.Fraction(string.Empty, string.Empty));
        Assert.NotEqual(StableHash.Fraction("a", "b"), StableHash.Fraction("b", "a"));
        Assert.NotEqual(StableHash.Fraction("ab", ""), StableHash.Fraction("a", "b"));
        Assert.All(Enumerable.Range(0, 1000), i => Assert.InRange(StableHash.Fraction($"i{i}", "s"), 0.0, 0.9999999999999999));
    }

    private static JourneyDefinition Ab(double a, double b) =>
        new JourneyBuilder().Split("ab", Weighted(a, "a"), Weighted(b, "b")).End("a").End("b").Build();

    private static string Assigned(JourneyDefinition definition, string instanceId) =>
        JourneyEngine.Start(definition, instanceId, Touchpoints.Of("test.entered", Clock.T0), Clock.T0).Decisions
            .Single(d => d.Kind == DecisionKind.SplitAssigned).Next!;
}
