using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Tests.Parsing;

public class OptimizeStepReadingTests
{
    [Fact]
    public void Read_OptimizeStep_DefaultsExploreLabelsAndHoldoutLabel()
    {
        var optimize = Assert.IsType<OptimizeStep>(Read(
            """{ "type": "optimize", "arms": [ { "next": "wait-pay" }, { "next": "thanks", "label": "B" } ], "horizon": "P7D", "holdout": { "next": "agent", "share": 0.1 } }""").Steps["remind"]);

        Assert.Equal([new OptimizeArm("wait-pay", "wait-pay"), new OptimizeArm("thanks", "B")], optimize.Arms);
        Assert.Equal(OptimizeStep.DefaultExplore, optimize.Explore);
        Assert.Equal(TimeSpan.FromDays(7), optimize.Horizon);
        Assert.Equal(new OptimizeHoldout("agent", "holdout", 0.1), optimize.Holdout);
        Assert.Equal(["wait-pay", "thanks", "agent"], optimize.Successors);
    }

    [Theory]
    [InlineData("""{ "type": "optimize", "arms": [ { "next": "wait-pay" } ] }""", "/steps/remind/arms", "at least two arms")]
    [InlineData("""{ "type": "optimize", "arms": [ { "next": "wait-pay", "label": "x" }, { "next": "thanks", "label": "x" } ] }""", "/steps/remind/arms/1/label", "labels are unique")]
    [InlineData("""{ "type": "optimize", "arms": [ { "next": "wait-pay" }, { "next": "thanks" } ], "explore": 1.5 }""", "/steps/remind/explore", "between 0 and 1")]
    [InlineData("""{ "type": "optimize", "arms": [ { "next": "wait-pay" }, { "next": "thanks" } ], "holdout": { "next": "agent", "share": 0 } }""", "/steps/remind/holdout/share", "more than 0 and less than 1")]
    [InlineData("""{ "type": "optimize", "arms": [ { "next": "wait-pay" }, { "next": "thanks" } ], "holdout": { "next": "agent", "share": 1 } }""", "/steps/remind/holdout/share", "more than 0 and less than 1")]
    [InlineData("""{ "type": "optimize", "arms": [ { "next": "wait-pay" }, { "next": "thanks" } ], "holdout": { "next": "agent", "label": "thanks", "share": 0.2 } }""", "/steps/remind/holdout", "labels are unique")]
    [InlineData("""{ "type": "optimize", "arms": [ { "next": "wait-pay" }, { "next": "thanks" } ], "holdout": { "next": "agent", "share": 0.2, "weight": 1 } }""", "/steps/remind/holdout/weight", "unknown property")]
    [InlineData("""{ "type": "optimize", "arms": [ { "next": "wait-pay" }, { "next": "nowhere" } ] }""", "/steps/remind/arms/1/next", "nowhere")]
    public void Read_InvalidOptimizeStep_ReportsTheRuleAtItsPointer(string step, string pointer, string fragment)
    {
        var result = JourneyDefinitionReader.Read(JourneyJson.With("/steps/remind", step));

        Assert.Contains(result.Errors, e => e.Pointer == pointer && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_OptimizeStepWithoutGoal_ReportsTheMissingReward()
    {
        var json = JourneyJson.Edit(
            ("/goal", null),
            ("/steps/remind", """{ "type": "optimize", "arms": [ { "next": "wait-pay" }, { "next": "thanks" } ] }"""));

        var result = JourneyDefinitionReader.Read(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal("/steps/remind", error.Pointer);
        Assert.Contains("goal", error.Message, StringComparison.Ordinal);
    }

    private static JourneyDefinition Read(string step)
    {
        var result = JourneyDefinitionReader.Read(JourneyJson.With("/steps/remind", step));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Definition;
    }
}
