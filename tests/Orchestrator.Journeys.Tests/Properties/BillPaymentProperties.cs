using FsCheck;
using FsCheck.Fluent;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Tests.Support;

namespace Orchestrator.Journeys.Tests.Properties;

/// <summary>
/// Properties of the engine over random input sequences for bill-payment: touchpoints of every type
/// at non-decreasing times, interleaved with wake-ups at random times and exactly when due.
/// </summary>
public class BillPaymentProperties
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(200);

    [Fact]
    public void Apply_AnyInputSequence_NeverThrows() =>
        Prop.ForAll(Generators.BillPayment, scenario =>
        {
            var exception = Record.Exception(() => ScenarioRunner.Run(SampleJourneys.BillPayment, scenario));
            Assert.Null(exception);
        }).Check(Quick);

    [Fact]
    public void Apply_SameSequenceTwice_GivesByteIdenticalTransitions() =>
        Prop.ForAll(Generators.BillPayment, scenario =>
        {
            var first = ScenarioRunner.Serialize(ScenarioRunner.Run(SampleJourneys.BillPayment, scenario));
            var second = ScenarioRunner.Serialize(ScenarioRunner.Run(SampleJourneys.BillPayment, scenario));
            Assert.Equal(first, second);
        }).Check(Quick);

    [Fact]
    public void Apply_ContinuingFromJsonRoundTrippedStates_GivesTheSameTransitions() =>
        Prop.ForAll(Generators.BillPayment, scenario =>
        {
            var direct = ScenarioRunner.Run(SampleJourneys.BillPayment, scenario);
            var throughJson = ScenarioRunner.Run(SampleJourneys.BillPayment, scenario, throughJson: true);

            Assert.Equal(ScenarioRunner.Serialize(direct), ScenarioRunner.Serialize(throughJson));
            Assert.All(direct, step =>
            {
                var json = Serialized.Of(step.Transition.State);
                Assert.Equal(json, Serialized.Of(Serialized.State(json)));
            });
        }).Check(Quick);

    [Fact]
    public void Apply_AnyInputSequence_KeepsTheEngineInvariants() =>
        Prop.ForAll(Generators.BillPayment, scenario =>
        {
            var steps = ScenarioRunner.Run(SampleJourneys.BillPayment, scenario);

            Invariants.Check(steps);
            Assert.All(steps, s => Assert.True(s.Transition.State.Status == JourneyStatus.Completed || s.Transition.State.CurrentStep == "wait-pay"));
        }).Check(Quick);

    [Fact]
    public void Apply_ThousandInputs_KeepsTheStateSmall() =>
        Prop.ForAll(Generators.LongBillPayment, scenario =>
        {
            var steps = ScenarioRunner.Run(SampleJourneys.BillPayment, scenario);

            var largest = steps.Max(s => System.Text.Encoding.UTF8.GetByteCount(Serialized.Of(s.Transition.State)));
            Assert.InRange(largest, 1, 8 * 1024);
            Assert.Equal(JourneyStatus.Running, steps[^1].Transition.State.Status);
            Assert.True(steps[^1].Transition.State.StepVisits > 100, "the run should have looped many times");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(15));
}
