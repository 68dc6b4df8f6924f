using Orchestrator.Journeys.Definitions;

namespace Orchestrator.Journeys.Analytics;

/// <summary>Turns folded counters into a <see cref="JourneyReport"/>: the one place every figure is defined.</summary>
public static class JourneyReports
{
    /// <summary>Fewest ended instances on each side of a signal for its lift to be trusted.</summary>
    public const int MinimumSample = 30;

    private static readonly string[] Quantiles = ["p50", "p90", "p99"];

    /// <summary>Builds a report.</summary>
    /// <param name="definition">The journey version whose steps and score settings frame the report (the latest for all versions).</param>
    /// <param name="version">The version reported, or null for all.</param>
    /// <param name="window">Counters of the window.</param>
    /// <param name="allTime">Counters since the start (for instances currently at each step).</param>
    /// <param name="previous">Counters of the previous window, for the trend; null for none.</param>
    /// <returns>The report.</returns>
    public static JourneyReport Build(JourneyDefinition definition, int? version, AnalyticsCounters window, AnalyticsCounters allTime, AnalyticsCounters? previous)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(allTime);
        var score = Score(definition, window);
        var previousScore = previous is null ? null : Score(definition, previous).Score;
        return new JourneyReport(
            definition.Id,
            version,
            Totals(window),
            [.. definition.Steps.Values.Select(step => Funnel(step, window, allTime))],
            Arms(definition, window),
            score,
            previousScore,
            score.Score is { } now && previousScore is { } before ? Math.Round(now - before, 1) : null,
            Signals(window));
    }

    /// <summary>The success score of counters under a definition's score settings.</summary>
    /// <param name="definition">The journey.</param>
    /// <param name="counters">The counters.</param>
    /// <returns>The score and its parts.</returns>
    public static ScoreBreakdown Score(JourneyDefinition definition, AnalyticsCounters counters)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(counters);
        var settings = definition.Score ?? ScoreSettings.Default;
        var ended = counters[CounterNames.Ended];
        var goals = counters[CounterNames.EndedWithGoal];
        var successes = counters[CounterNames.EndedAs("success")];
        double? goal = ended > 0 ? (double)goals / ended : null;
        double? speed = goals > 0 && (settings.SpeedTarget ?? definition.Goal?.Within) is not null ? (double)counters[CounterNames.GoalInTime] / goals : null;
        double? effortPerSuccess = successes > 0
            ? (double)(counters[CounterNames.SuccessContacts] + counters[CounterNames.SuccessSwitches] + counters[CounterNames.SuccessAssisted]) / successes
            : null;
        double? effort = effortPerSuccess is { } e ? (e <= 0 ? 1 : Math.Min(1, settings.EffortTarget / e)) : null;
        var answers = counters[CounterNames.SurveyAnswers];
        double? survey = settings.Survey is { } s && answers > 0 && s.Max > s.Min
            ? Math.Clamp(((counters[CounterNames.SurveyMilli] / 1000.0 / answers) - s.Min) / (s.Max - s.Min), 0, 1)
            : null;

        double weighted = 0, weights = 0;
        foreach (var (part, weight) in new[] { (goal, settings.GoalWeight), (speed, settings.SpeedWeight), (effort, settings.EffortWeight), (survey, settings.SurveyWeight) })
        {
            if (part is { } value && weight > 0)
            {
                weighted += value * weight;
                weights += weight;
            }
        }

        double? score = ended > 0 && weights > 0 ? Math.Round(100 * weighted / weights, 1) : null;
        return new ScoreBreakdown(score, Round(goal), Round(speed), Round(effort), Round(effortPerSuccess), Round(survey), settings.Target);
    }

    private static JourneyTotals Totals(AnalyticsCounters c)
    {
        var ended = c[CounterNames.Ended];
        var goals = c[CounterNames.EndedWithGoal];
        var toGoal = c.Histogram(CounterNames.TimeToGoal);
        return new JourneyTotals(
            c[CounterNames.Started],
            Dictionary(c.WithPrefix("refused:")),
            Dictionary(c.WithPrefix("ended:").Where(p => p.Key is not ("goal" or "goalInTime"))),
            ended,
            goals,
            ended > 0 ? Round((double)goals / ended) : null,
            Percentiles(toGoal, Quantiles[..2]),
            Dictionary(c.WithPrefix("sent:")),
            Dictionary(c.WithPrefix("withheld:")));
    }

    private static StepFunnel Funnel(JourneyStep step, AnalyticsCounters window, AnalyticsCounters allTime)
    {
        var prefix = $"step:{step.Id}:";
        var enteredEver = allTime[CounterNames.Entered(step.Id)];
        var leftEver = allTime.WithPrefix(prefix + "left:").Sum(p => p.Value) + allTime.WithPrefix(prefix + "ended:").Sum(p => p.Value);
        var type = step.GetType().Name.Replace("Step", string.Empty, StringComparison.Ordinal);
        return new StepFunnel(
            step.Id,
            char.ToLowerInvariant(type[0]) + type[1..],
            window[CounterNames.Entered(step.Id)],
            Math.Max(0, enteredEver - leftEver),
            Dictionary(window.WithPrefix(prefix + "left:")),
            Dictionary(window.WithPrefix(prefix + "ended:")),
            window[CounterNames.TimedOut(step.Id)],
            Percentiles(window.Histogram(prefix + "time"), Quantiles));
    }

    private static List<ArmComparison> Arms(JourneyDefinition definition, AnalyticsCounters c)
    {
        var arms = new List<ArmComparison>();
        foreach (var step in definition.Steps.Values)
        {
            string[] labels;
            string? control;
            switch (step)
            {
                case SplitStep split:
                    labels = [.. split.Branches.Select(b => b.Label ?? b.Next).Distinct(StringComparer.Ordinal)];
                    control = labels.FirstOrDefault(l => l.Contains("control", StringComparison.OrdinalIgnoreCase) || l.Contains("holdout", StringComparison.OrdinalIgnoreCase));
                    break;
                case OptimizeStep optimize:
                    // The holdout is the control by definition: the arm the optimisation never touches.
                    labels = [.. optimize.Labels];
                    control = optimize.Holdout?.Label;
                    break;
                default:
                    continue;
            }

            long controlN = control is null ? 0 : c[CounterNames.SignalSeen(Signal.Arm(step.Id, control))];
            long controlGoals = control is null ? 0 : c[CounterNames.SignalGoal(Signal.Arm(step.Id, control))];
            foreach (var label in labels)
            {
                var signal = Signal.Arm(step.Id, label);
                var n = c[CounterNames.SignalSeen(signal)];
                var goals = c[CounterNames.SignalGoal(signal)];
                var interval = Proportions.Wilson(goals, n);
                var compared = control is not null && label != control && n > 0 && controlN > 0;
                arms.Add(new ArmComparison(
                    step.Id,
                    label,
                    n,
                    goals,
                    n > 0 ? Round((double)goals / n) : null,
                    Round(interval?.Low),
                    Round(interval?.High),
                    label == control,
                    compared ? Round(((double)goals / n) - ((double)controlGoals / controlN)) : null,
                    compared ? Round(Proportions.TwoSidedP(Proportions.TwoProportionZ(goals, n, controlGoals, controlN))) : null,
                    "pooled two-proportion z-test, two-sided; Wilson 95 % interval"));
            }
        }

        return arms;
    }

    private static List<SignalLift> Signals(AnalyticsCounters c)
    {
        var ended = c[CounterNames.Ended];
        var successes = c[CounterNames.EndedAs("success")];
        double? rate = ended > 0 ? (double)successes / ended : null;
        var lifts = new List<SignalLift>();
        foreach (var (name, n) in c.WithPrefix("signal:").Where(p => p.Key.EndsWith("|n", StringComparison.Ordinal)))
        {
            var signal = name[..^2];
            var with = c[CounterNames.SignalSucceeded(signal)];
            var z = Proportions.TwoProportionZ(with, n, successes - with, ended - n);
            var trusted = n >= MinimumSample && ended - n >= MinimumSample && Math.Abs(z) >= Proportions.Z95;
            var signalRate = (double)with / n;
            lifts.Add(new SignalLift(signal, n, with, Round(signalRate)!.Value, rate is > 0 ? Round(signalRate / rate.Value) : null, Math.Round(z, 2), trusted));
        }

        return [.. lifts.OrderByDescending(l => l.Trusted).ThenByDescending(l => Math.Abs((l.Lift ?? 1) - 1)).ThenBy(l => l.Signal, StringComparer.Ordinal)];
    }

    private static Dictionary<string, double> Percentiles(long[] histogram, IEnumerable<string> quantiles)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var q in quantiles)
        {
            if (TimeHistogram.Percentile(histogram, int.Parse(q[1..], System.Globalization.CultureInfo.InvariantCulture) / 100.0) is { } value)
            {
                result[q] = value.TotalSeconds;
            }
        }

        return result;
    }

    private static Dictionary<string, long> Dictionary(IEnumerable<KeyValuePair<string, long>> pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
