using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Parsing;
using Orchestrator.Journeys.Simulation;
using Orchestrator.Journeys.Tests.Parsing;

namespace Orchestrator.Journeys.Tests.Analytics;

public class AnalyticsDeltaTests
{
    private const string CardExpired = """
        {
          "customerId": "cust-1", "start": "2026-03-02T08:00:00Z", "runFor": "P40D",
          "events": [
            { "at": "PT0S", "type": "invoice.issued", "data": { "amount": 120.5 } },
            { "at": "P1D", "type": "payment.failed", "data": { "reason": "card-expired" } },
            { "at": "P1DT2H", "type": "payment.completed", "data": { "amount": 120.5 } }
          ]
        }
        """;

    [Fact]
    public void Add_CardExpiredRun_CountsEveryStepEdgeOutcomeAndSignal()
    {
        var counters = Simulate(JourneyJson.BillPayment, CardExpired);

        Assert.Equal(1, counters["started"]);
        Assert.Equal(1, counters["step:notify:left:next"]);
        Assert.Equal(2, counters["step:wait-pay:entered"]);
        Assert.Equal(1, counters["step:wait-pay:left:event:payment.failed"]);
        Assert.Equal(1, counters["step:help:left:case 0"]);
        Assert.Equal(1, counters["step:card:left:next"]);
        Assert.Equal(1, counters["step:wait-pay:ended:success"]);
        Assert.Equal(1, counters["ended:success"]);
        Assert.Equal(1, counters["ended:goal"]);
        Assert.Equal(1, counters["ended:goalInTime"]);
        Assert.Equal(1, counters["signal:path:help:case 0|success"]);
        Assert.Equal(0, counters["signal:step:agent|n"]);
    }

    [Fact]
    public void Add_CardExpiredRun_MeasuresTimeInStepAndEffort()
    {
        var counters = Simulate(JourneyJson.BillPayment, CardExpired);

        // One day at wait-pay: 86,400 s is in [2^16, 2^17).
        Assert.Equal(1, counters["step:wait-pay:time:17"]);
        // email and mobile actions, the failed and the completed payment; one switch from email to mobile.
        Assert.Equal(4, counters["effort:contacts"]);
        Assert.Equal(1, counters["effort:switches"]);
        Assert.Equal(0, counters["effort:assisted"]);
    }

    [Fact]
    public void Add_TimeoutToReminder_CountsTheTimeoutAndItsEdge()
    {
        const string script = """
            { "customerId": "cust-2", "start": "2026-03-02T08:00:00Z", "runFor": "P4D",
              "events": [ { "at": "PT0S", "type": "invoice.issued", "data": { "amount": 10 } } ] }
            """;

        var counters = Simulate(JourneyJson.BillPayment, script);

        Assert.Equal(1, counters["step:wait-pay:timedOut"]);
        Assert.Equal(1, counters["step:wait-pay:left:onTimeout"]);
        Assert.Equal(1, counters["step:remind:left:next"]);
        Assert.Equal(0, counters["ended"]);
    }

    internal static AnalyticsCounters Simulate(string journeyJson, string scriptJson)
    {
        var read = JourneyDefinitionReader.Read(System.Text.Encoding.UTF8.GetBytes(journeyJson));
        Assert.True(read.IsValid, string.Join(Environment.NewLine, read.Errors));
        var script = SimulationScriptReader.Read(scriptJson, out var errors);
        Assert.True(script is not null, string.Join(Environment.NewLine, errors));
        return JourneySimulator.Run(read.Definition, script).Analytics;
    }
}
