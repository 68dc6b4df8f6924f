using System.Text.Json.Nodes;
using Orchestrator.Conformance.Tests.Harness;
using Orchestrator.Conformance.Tests.Harness.Analytics;
using Xunit.Abstractions;

namespace Orchestrator.Conformance.Tests;

/// <summary>Every scenario of <c>samples/scenarios</c>, on every driver: the same outcome, actions and steps.</summary>
public sealed class ScenarioConformanceTests(ConformanceFixture fixture, ITestOutputHelper output) : IClassFixture<ConformanceFixture>
{
    /// <summary>Stands in for the scenarios when the folder has none, so the theory fails rather than passing empty.</summary>
    public const string NoScenarios = "(no scenarios)";

    public static TheoryData<string, string> Runs()
    {
        var data = new TheoryData<string, string>();
        var names = ScenarioCatalog.Names();
        if (names.Count == 0)
        {
            data.Add(NoScenarios, SimulatorDriver.DriverName);
        }

        foreach (var name in names)
        {
            foreach (var driver in ConformanceFixture.Drivers)
            {
                data.Add(name, driver);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Scenario_OnDriver_MeetsItsExpectationAndMatchesTheSimulator(string scenario, string driver)
    {
        Assert.True(scenario != NoScenarios, $"No scenario scripts (*.json) in {RepositoryPaths.Scenarios}: conformance cannot be checked.");
        var @case = ScenarioCatalog.Get(scenario);
        var expect = @case.Script.Expect;
        Assert.True(expect is not null, $"{scenario} has no 'expect'.");

        var result = await fixture.RunAsync(driver, @case);
        output.WriteLine(result.ToString());

        var problems = result.Problems.Select(p => $"driving: {p}").ToList();
        problems.AddRange(Expectations.Check(result, expect).Select(p => $"expect {p}"));
        if (driver != SimulatorDriver.DriverName)
        {
            var reference = fixture.Simulate(@case.ForCustomerSuffix(ConformanceFixture.HostCustomerSuffix));
            problems.AddRange(Expectations.Compare(result, reference).Select(p => $"differs from the simulator in {p}"));
            if (Expectations.Check(reference, expect).Count > 0)
            {
                problems.Add($"note: the simulator on customer {reference.CustomerId} misses the expectation too, so the scenario depends on the instance id (a split?)");
            }
        }

        Assert.True(problems.Count == 0, $"{scenario} on {driver}:\n  {string.Join("\n  ", problems)}\nrun: {result}");
    }

    [Fact]
    public async Task Analytics_EveryJourneyOnStandalone_SameFunnelOutcomesScoreArmsAndSignalsAsSimulator()
    {
        var journeys = ScenarioCatalog.Cases.GroupBy(c => c.Definition.Id).ToList();
        Assert.True(journeys.Count > 0, $"No scenario scripts in {RepositoryPaths.Scenarios}: the analytics cannot be compared.");
        var api = await fixture.StandaloneApiAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var problems = new List<string>();
        var compared = 0;
        foreach (var journey in journeys)
        {
            var simulated = AnalyticsConformance.Simulate([.. journey], ConformanceFixture.HostCustomerSuffix);
            IReadOnlyList<string> differences = [];
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            do
            {
                using var document = await AnalyticsGroundTruth.ReadDocumentAsync(api, journey.Key, AnalyticsGroundTruth.AllTime, deadline.Token);
                differences = AnalyticsConformance.Compare(journey.Key, simulated, JsonNode.Parse(document.RootElement.GetProperty("report").GetRawText())!);
                if (differences.Count > 0)
                {
                    await Task.Delay(Eventually.PollInterval * 10, deadline.Token);
                }
            }
            while (differences.Count > 0 && DateTime.UtcNow < until);

            output.WriteLine($"{journey.Key}: {journey.Count()} scenarios, score {simulated["score"]?["score"]?.ToJsonString()}, {differences.Count} differences");
            problems.AddRange(differences);
            compared += simulated["totals"]?["started"]?.GetValue<long>() > 0 ? 1 : 0;
        }

        Assert.True(compared > 0, "No journey started an instance in the simulator: nothing was compared.");
        Assert.True(problems.Count == 0, $"{problems.Count} difference(s):\n  {string.Join("\n  ", problems)}");
    }
}
