using Orchestrator.Application.Analytics;
using Orchestrator.Application.Tests.Support;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Journeys.Analytics;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Durable.Tests.Orchestration;

/// <summary>A Durable orchestration gets an optimize step's figures from an activity result, never by reading them itself.</summary>
public sealed class OptimizeOrchestrationTests
{
    private const string Offer = """
        {
          "id": "offer", "name": "Offer",
          "entry": { "event": "signed-up" },
          "goal": { "event": "ordered" },
          "start": "pick",
          "steps": {
            "pick": { "type": "optimize", "arms": [ { "next": "send-a", "label": "A" }, { "next": "send-b", "label": "B" } ], "explore": 0 },
            "send-a": { "type": "send", "channel": "email", "action": "offer-a", "next": "wait" },
            "send-b": { "type": "send", "channel": "email", "action": "offer-b", "next": "wait" },
            "wait": { "type": "waitFor", "events": [ { "event": "ordered", "next": "done" } ] },
            "done": { "type": "end", "outcome": "success" }
          }
        }
        """;

    [Fact]
    public async Task Start_OptimizeJourney_AssignsByTheFiguresTheActivityReturned()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeployAsync("offer", Offer);
        var counters = new AnalyticsCounters();
        counters.Add(CounterNames.SignalSeen(Signal.Arm("pick", "A")), 1000);
        counters.Add(CounterNames.ArmReward("pick", "A"), 50);
        counters.Add(CounterNames.SignalSeen(Signal.Arm("pick", "B")), 1000);
        counters.Add(CounterNames.ArmReward("pick", "B"), 400);
        await harness.Runtime.AnalyticsStore.FoldAsync("offer", [new AnalyticsFold("seed", TestRuntime.T0, 1, counters)], CancellationToken.None);

        await harness.SendAsync("e1", "signed-up", "c1");

        var instance = Assert.Single(harness.Instances.Values);
        Assert.Equal(JourneyOrchestrationNames.LoadArmFigures, instance.ActivityCalls[1]);
        Assert.Equal(["offer-b"], harness.SentActions);
        var assignment = (await harness.Runtime.TimelineAsync("c1"))
            .SelectMany(e => e.Decisions).Select(d => d.Decision).Single(d => d.Kind == DecisionKind.SplitAssigned);
        Assert.Equal("1000", assignment.Values!["B.instances"]);
        Assert.Equal("400", assignment.Values["B.goals"]);
    }

    [Fact]
    public async Task Start_JourneyWithoutOptimizeStep_CallsNoFiguresActivity()
    {
        using var harness = new DurableHarness();
        await harness.Runtime.DeploySamplesAsync(SampleJourneys.BillPayment);

        await harness.SendAsync("e1", "invoice.issued", "c1", TestEvents.InvoiceData("e1"));

        Assert.DoesNotContain(JourneyOrchestrationNames.LoadArmFigures, Assert.Single(harness.Instances.Values).ActivityCalls);
    }
}
