using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Conformance.Tests.Harness.Api;
using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Simulation;

namespace Orchestrator.Conformance.Tests.Harness.Analytics;

/// <summary>
/// Compares a journey's analytics as the simulator predicts them (every scenario of the journey, simulated with the
/// runtime's own delta rules) with the figures a host serves after running the same scenarios: the funnel per step,
/// outcomes, goal, score, split arms and signals. Sends are left out: the simulator applies no send-time rules.
/// </summary>
public static class AnalyticsConformance
{
    private static readonly string[] ComparedTotals = ["started", "ended", "endedTotal", "goalReached", "goalRate", "timeToGoalSeconds"];
    private static readonly string[] ComparedParts = ["steps", "score", "arms", "signals"];

    /// <summary>The simulator's report for a journey over the given runs.</summary>
    /// <param name="cases">Every scenario of the journey.</param>
    /// <param name="customerSuffix">The suffix the host ran them with (instance ids, hence split arms, depend on it).</param>
    /// <returns>The report as JSON, the way the API writes it.</returns>
    public static JsonNode Simulate(IReadOnlyList<ScenarioCase> cases, string customerSuffix)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var definition = cases[0].Definition;
        var counters = new AnalyticsCounters();
        foreach (var @case in cases)
        {
            counters.Add(JourneySimulator.Run(definition, @case.ForCustomerSuffix(customerSuffix).Script).Analytics);
        }

        var report = JourneyReports.Build(definition, null, counters, counters, null);
        return JsonSerializer.SerializeToNode(report, OrchestratorApi.Json)!;
    }

    /// <summary>The differences between the simulator's report and the one served.</summary>
    /// <param name="journeyId">The journey, for the messages.</param>
    /// <param name="simulated">The simulator's report.</param>
    /// <param name="served">The report served (<c>report</c> of the API's answer).</param>
    /// <returns>One line per part that differs.</returns>
    public static IReadOnlyList<string> Compare(string journeyId, JsonNode simulated, JsonNode served)
    {
        ArgumentNullException.ThrowIfNull(simulated);
        ArgumentNullException.ThrowIfNull(served);
        var problems = new List<string>();
        foreach (var part in ComparedParts)
        {
            if (!JsonNode.DeepEquals(simulated[part], served[part]))
            {
                problems.Add($"{journeyId} {part}: simulated {simulated[part]?.ToJsonString()}, served {served[part]?.ToJsonString()}");
            }
        }

        foreach (var total in ComparedTotals)
        {
            if (!JsonNode.DeepEquals(simulated["totals"]?[total], served["totals"]?[total]))
            {
                problems.Add($"{journeyId} totals.{total}: simulated {simulated["totals"]?[total]?.ToJsonString()}, served {served["totals"]?[total]?.ToJsonString()}");
            }
        }

        return problems;
    }
}
