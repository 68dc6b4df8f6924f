using FsCheck;
using FsCheck.Fluent;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Tests.Properties;

/// <summary>The same properties on a journey with variables, splits, windows and a goal that keeps it running.</summary>
public class ShowcaseProperties
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(150);

    [Fact]
    public void Apply_AnyInputSequence_IsDeterministicAndSurvivesJsonAtEveryStep() =>
        Prop.ForAll(Generators.Showcase, scenario =>
        {
            var first = ScenarioRunner.Serialize(ScenarioRunner.Run(ShowcaseJourney.Definition, scenario));
            var second = ScenarioRunner.Serialize(ScenarioRunner.Run(ShowcaseJourney.Definition, scenario));
            var throughJson = ScenarioRunner.Serialize(ScenarioRunner.Run(ShowcaseJourney.Definition, scenario, throughJson: true));

            Assert.Equal(first, second);
            Assert.Equal(first, throughJson);
        }).Check(Quick);

    [Fact]
    public void Apply_AnyInputSequence_KeepsTheEngineInvariants() =>
        Prop.ForAll(Generators.Showcase, scenario =>
        {
            var steps = ScenarioRunner.Run(ShowcaseJourney.Definition, scenario);

            Invariants.Check(steps);
            Assert.All(steps, s => Assert.DoesNotContain(s.Transition.Decisions, d => d.Kind == DecisionKind.GuardTripped));
            Assert.All(steps, s => Assert.NotEqual("never", s.Transition.State.CurrentStep));
        }).Check(Quick);
}
