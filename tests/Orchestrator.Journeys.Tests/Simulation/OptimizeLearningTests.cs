using System.Globalization;
using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;
using Xunit.Abstractions;

namespace Orchestrator.Journeys.Tests.Simulation;

/// <summary>
/// The proof that an <c>optimize</c> step learns: synthetic customers, offer A converts 10 %, offer B 20 %; each
/// outcome is folded into the counters as the analytics projection folds it, and the next assignment reads the arms'
/// figures from them. Every draw and every outcome is seeded by the instance id, so the run is the same every time.
/// </summary>
public class OptimizeLearningTests(ITestOutputHelper output)
{
    private const int Customers = 2000;
    private const int Window = 250;
    private static readonly Dictionary<string, double> Conversion = new(StringComparer.Ordinal) { ["A"] = 0.10, ["B"] = 0.20 };

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void Optimize_TwoOffers_SendsMostNewCustomersToTheBetterOneAndBoundsRegret(int refreshEvery)
    {
        var run = Run(OptimizeJourneys.Offer(), refreshEvery);

        output.WriteLine($"figures refreshed every {refreshEvery} assignment(s)");
        output.WriteLine("assignments | share to B | cumulative regret");
        for (var w = 0; w < Customers / Window; w++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(w * Window) + 1}-{(w + 1) * Window} | {run.ShareToB[w]:P1} | {run.RegretAfter[w]:F1}"));
        }

        var late = run.Chosen.Skip(Customers / 2).Count(a => a == "B") / (double)(Customers / 2);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after {Customers / 2}: {late:P1} to B; regret {run.RegretAfter[^1]:F1} against {Customers * 0.05:F1} for a 50/50 split"));
        Assert.True(late >= 0.70, $"expected at least 70 % of the last {Customers / 2} assignments to go to B, got {late:P1}");
        Assert.True(run.RegretAfter[^1] < Customers * 0.05 / 2, $"expected regret under half a fixed 50/50 split's ({Customers * 0.05:F0}), got {run.RegretAfter[^1]:F1}");
    }

    [Fact]
    public void Optimize_TwoOffers_AreCountedInTheArmComparison()
    {
        var definition = OptimizeJourneys.Offer();
        var run = Run(definition, refreshEvery: 1);

        var report = JourneyReports.Build(definition, null, run.Counters, run.Counters, null);

        var arms = report.Arms.Where(a => a.Split == "pick").ToDictionary(a => a.Arm, StringComparer.Ordinal);
        Assert.Equal(Customers, arms["A"].Instances + arms["B"].Instances);
        Assert.Equal(run.Chosen.Count(a => a == "B"), arms["B"].Instances);
        Assert.InRange(arms["B"].Rate!.Value, 0.16, 0.24);
    }

    private static LearningRun Run(JourneyDefinition definition, int refreshEvery)
    {
        var counters = new AnalyticsCounters();
        var context = JourneyContext.Empty;
        var chosen = new List<string>(Customers);
        var shares = new List<double>();
        var regrets = new List<double>();
        var regret = 0.0;
        for (var i = 0; i < Customers; i++)
        {
            if (i % refreshEvery == 0)
            {
                context = new JourneyContext { Arms = OptimizeFigures.From(definition, counters) };
            }

            var at = Clock.T0.AddMinutes(i);
            var started = JourneyEngine.Start(definition, Touchpoints.Of("signed-up", at, customerId: $"cust-{i}", id: $"evt-{i}"), at, context);
            AnalyticsDelta.Add(definition, null, started, counters);
            var arm = started.Decisions.Single(d => d.Kind == DecisionKind.SplitAssigned).Detail!;
            chosen.Add(arm);
            regret += Conversion["B"] - Conversion[arm];

            var converts = StableHash.Fraction(started.State.InstanceId, "purchase") < Conversion[arm];
            var outcome = JourneyEngine.Apply(definition, started.State, new TouchpointReceived(Touchpoints.Of(converts ? "purchased" : "lost", at.AddSeconds(30), customerId: $"cust-{i}", id: $"out-{i}")), at.AddSeconds(30));
            AnalyticsDelta.Add(definition, started.State, outcome, counters);

            if ((i + 1) % Window == 0)
            {
                shares.Add(chosen.Skip(i + 1 - Window).Count(a => a == "B") / (double)Window);
                regrets.Add(regret);
            }
        }

        return new LearningRun(chosen, shares, regrets, counters);
    }

    private sealed record LearningRun(List<string> Chosen, List<double> ShareToB, List<double> RegretAfter, AnalyticsCounters Counters);
}
