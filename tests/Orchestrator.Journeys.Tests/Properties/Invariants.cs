using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Tests.Properties;

/// <summary>What must hold after every engine call of any run, whatever the journey.</summary>
internal static class Invariants
{
    public static void Check(IReadOnlyList<ScenarioRunner.Step> steps)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var completions = 0;
        DateTimeOffset? previousWakeUp = null;

        foreach (var (now, before, transition) in steps)
        {
            var state = transition.State;

            // Once completed, nothing changes; an input that decides nothing changes nothing.
            if (before.Status == JourneyStatus.Completed || transition.Decisions.Count == 0)
            {
                Assert.Same(before, state);
                Assert.Empty(transition.Commands);
                Assert.Empty(transition.Decisions);
            }
            else
            {
                Assert.Equal(now, state.UpdatedAt);
            }

            Assert.All(transition.Decisions, d => Assert.Equal(now, d.At));
            Assert.All(transition.Commands.OfType<SendAction>(), send => Assert.True(keys.Add(send.IdempotencyKey), $"duplicate key {send.IdempotencyKey}"));
            completions += transition.Commands.OfType<CompleteJourney>().Count();

            // Nothing is left overdue, and a wake-up is asked for exactly when the next one changes.
            Assert.True(state.NextWakeUpAt is null || state.NextWakeUpAt > now, $"wake-up {state.NextWakeUpAt} not after {now}");
            var changedWakeUp = transition.Decisions.Count > 0 && state.NextWakeUpAt is not null && state.NextWakeUpAt != previousWakeUp;
            Assert.Equal(changedWakeUp ? [new ScheduleWakeUp(state.NextWakeUpAt!.Value)] : [], transition.Commands.OfType<ScheduleWakeUp>());
            previousWakeUp = state.NextWakeUpAt;

            Assert.Equal(state.Status == JourneyStatus.Completed, state.Outcome is not null);
            Assert.Equal(state.Status == JourneyStatus.Completed, state.Waiting == WaitKind.None);
            Assert.True(state.StepVisits >= before.StepVisits);
        }

        Assert.Equal(steps[^1].Transition.State.Status == JourneyStatus.Completed ? 1 : 0, completions);
    }
}
