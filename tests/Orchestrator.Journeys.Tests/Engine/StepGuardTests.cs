using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;
using static Orchestrator.Journeys.Tests.Support.JourneyBuilder;

namespace Orchestrator.Journeys.Tests.Engine;

public class StepGuardTests
{
    [Fact]
    public void Start_CycleThroughZeroDelay_TripsTheGuardAfterMaxStepsAndFails()
    {
        // The validator rejects this cycle; the engine must still stop on its own.
        var definition = new JourneyBuilder()
            .Set("count", """{"n":1}""", "spin")
            .Delay("spin", TimeSpan.Zero, "count")
            .Build();

        var transition = JourneyEngine.Start(definition, Touchpoints.Of("test.entered", Clock.T0), Clock.T0);

        Assert.Equal(JourneyEngine.MaxStepsPerInput, transition.Decisions.Count(d => d.Kind == DecisionKind.StepEntered));
        var guard = Assert.Single(transition.Decisions, d => d.Kind == DecisionKind.GuardTripped);
        Assert.Equal($"more than {JourneyEngine.MaxStepsPerInput} steps in one input", guard.Detail);
        Assert.Equal((JourneyStatus.Completed, JourneyOutcome.Failure, "step-guard"), (transition.State.Status, transition.State.Outcome, transition.State.Reason));
        Assert.Equal([new CompleteJourney(JourneyOutcome.Failure, "step-guard")], transition.Commands);
        Assert.Equal(DecisionKind.Completed, transition.Decisions[^1].Kind);
    }

    [Fact]
    public void Apply_CycleEnteredByATouchpoint_TripsTheGuardOnThatInput()
    {
        var definition = new JourneyBuilder()
            .WaitFor("wait", null, null, On("go", "spin"))
            .Delay("spin", TimeSpan.Zero, "spin")
            .Build();
        var driver = new EngineDriver(definition);
        driver.Start(Touchpoints.Of("test.entered", Clock.T0));

        var transition = driver.Touch("go", Clock.Day(1));

        Assert.Equal(JourneyEngine.MaxStepsPerInput, transition.Decisions.Count(d => d.Kind == DecisionKind.StepEntered));
        Assert.Equal("step-guard", transition.State.Reason);
    }

    [Fact]
    public void Apply_LongChainsSplitByAWait_CountStepsPerInput()
    {
        const int Chain = 60;
        var builder = new JourneyBuilder();
        for (var i = 0; i < Chain; i++)
        {
            builder.Set($"a{i}", $$"""{"a":{{i}}}""", i + 1 < Chain ? $"a{i + 1}" : "wait");
        }

        builder.WaitFor("wait", null, null, On("go", "b0"));
        for (var i = 0; i < Chain; i++)
        {
            builder.Set($"b{i}", $$"""{"b":{{i}}}""", i + 1 < Chain ? $"b{i + 1}" : "end");
        }

        var driver = new EngineDriver(builder.End("end").Build());
        driver.Start(Touchpoints.Of("test.entered", Clock.T0));

        var transition = driver.Touch("go", Clock.Day(1));

        Assert.Equal(JourneyOutcome.Success, transition.State.Outcome);
        Assert.Equal((2 * Chain) + 2, transition.State.StepVisits);
    }
}
