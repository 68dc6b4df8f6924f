using System.Text.Json;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Analytics;

/// <summary>
/// What one engine transition adds to its journey version's analytics: a pure function of the transition and the
/// state before it, shared by the runtime (which writes it with the customer's commit) and the simulator, so both
/// produce the same figures.
/// </summary>
public static class AnalyticsDelta
{
    /// <summary>Adds a transition's counts.</summary>
    /// <param name="definition">The journey version.</param>
    /// <param name="before">The state before; null for a start.</param>
    /// <param name="transition">The transition.</param>
    /// <param name="counters">Receives the counts.</param>
    public static void Add(JourneyDefinition definition, JourneyState? before, JourneyTransition transition, AnalyticsCounters counters)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentNullException.ThrowIfNull(counters);
        var enteredAt = before?.Trail?.StepEnteredAt ?? before?.StartedAt;
        foreach (var decision in transition.Decisions)
        {
            switch (decision.Kind)
            {
                case DecisionKind.Started:
                    counters.Add(CounterNames.Started);
                    break;
                case DecisionKind.StepEntered:
                    counters.Add(CounterNames.Entered(decision.Step!));
                    enteredAt = decision.At;
                    break;
                case DecisionKind.EventMatched:
                    Left(counters, decision, $"event:{decision.Detail}", enteredAt);
                    break;
                case DecisionKind.TimedOut:
                    counters.Add(CounterNames.TimedOut(decision.Step!));
                    Left(counters, decision, "onTimeout", enteredAt);
                    break;
                case DecisionKind.BranchTaken:
                    Left(counters, decision, decision.Detail!, enteredAt);
                    break;
                case DecisionKind.SplitAssigned:
                    Left(counters, decision, $"arm:{decision.Detail}", enteredAt);
                    break;
                case DecisionKind.ActionRequested or DecisionKind.VarsSet or DecisionKind.DelayElapsed:
                    Left(counters, decision, "next", enteredAt);
                    break;
                case DecisionKind.Completed:
                    Ended(definition, transition.State, decision, enteredAt, counters);
                    break;
                case DecisionKind.Migrated:
                    // Counted as started on the version it came from; here it arrives, and a kept wait enters its step.
                    counters.Add(CounterNames.MigratedIn);
                    if (decision.Detail == MigrationEntry.WaitKept)
                    {
                        counters.Add(CounterNames.Entered(decision.Next!));
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Adds what a migration's move takes from the version the instance leaves: it leaves its step by edge
    /// <c>migrated</c> after its time there, and counts as migrated out. Its end is counted on the version it ends on,
    /// its start stays where it started, so no instance is counted twice.
    /// </summary>
    /// <param name="before">The state before the move, on the version it leaves.</param>
    /// <param name="transition">The move (<see cref="JourneyEngine.Migrate"/>).</param>
    /// <param name="counters">Receives the counts of the version it leaves.</param>
    public static void AddMigratedOut(JourneyState before, JourneyTransition transition, AnalyticsCounters counters)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentNullException.ThrowIfNull(counters);
        if (transition.Decisions.FirstOrDefault(d => d.Kind == DecisionKind.Migrated) is not { } moved)
        {
            return;
        }

        counters.Add(CounterNames.MigratedOut);
        if (moved.Step is not null)
        {
            Left(counters, moved, "migrated", before.Trail?.StepEnteredAt ?? before.StartedAt);
        }
    }

    private static void Left(AnalyticsCounters counters, JourneyDecision decision, string edge, DateTimeOffset? enteredAt)
    {
        var step = decision.Step!;
        counters.Add(CounterNames.Left(step, edge));
        counters.Add(CounterNames.TimeInStep(step, TimeHistogram.BucketOf(decision.At - (enteredAt ?? decision.At))));
    }

    private static void Ended(JourneyDefinition definition, JourneyState state, JourneyDecision decision, DateTimeOffset? enteredAt, AnalyticsCounters counters)
    {
        var outcome = decision.Detail ?? JsonNamingPolicy.CamelCase.ConvertName((state.Outcome ?? JourneyOutcome.Neutral).ToString());
        if (decision.Step is { } step)
        {
            counters.Add(CounterNames.EndedAt(step, outcome));
            counters.Add(CounterNames.TimeInStep(step, TimeHistogram.BucketOf(decision.At - (enteredAt ?? decision.At))));
        }

        counters.Add(CounterNames.Ended);
        counters.Add(CounterNames.EndedAs(outcome));
        var success = state.Outcome == JourneyOutcome.Success;
        var settings = definition.Score ?? ScoreSettings.Default;
        if (state.GoalReachedAt is { } goalAt)
        {
            var toGoal = goalAt - state.StartedAt;
            counters.Add(CounterNames.EndedWithGoal);
            counters.Add($"{CounterNames.TimeToGoal}:{TimeHistogram.BucketOf(toGoal)}");
            if ((settings.SpeedTarget ?? definition.Goal?.Within) is { } target && toGoal <= target)
            {
                counters.Add(CounterNames.GoalInTime);
            }
        }

        var trail = state.Trail ?? new InstanceTrail();
        if (success)
        {
            counters.Add(CounterNames.SuccessContacts, trail.Contacts);
            counters.Add(CounterNames.SuccessSwitches, trail.Switches);
            counters.Add(CounterNames.SuccessAssisted, trail.Assisted);
        }

        if (trail.Survey is { } answer)
        {
            counters.Add(CounterNames.SurveyAnswers);
            counters.Add(CounterNames.SurveyMilli, (long)Math.Round(answer * 1000, MidpointRounding.AwayFromZero));
        }

        foreach (var optimize in definition.Steps.Values.OfType<OptimizeStep>())
        {
            if (state.GoalReachedAt is { } reachedAt && (optimize.Horizon is not { } horizon || reachedAt - state.StartedAt <= horizon))
            {
                foreach (var label in optimize.Labels)
                {
                    if (trail.Signals.Contains(Signal.Arm(optimize.Id, label), StringComparer.Ordinal))
                    {
                        counters.Add(CounterNames.ArmReward(optimize.Id, label));
                    }
                }
            }
        }

        foreach (var signal in trail.Signals)
        {
            counters.Add(CounterNames.SignalSeen(signal));
            if (success)
            {
                counters.Add(CounterNames.SignalSucceeded(signal));
            }

            if (state.GoalReachedAt is not null)
            {
                counters.Add(CounterNames.SignalGoal(signal));
            }
        }
    }
}
