namespace Orchestrator.Conformance.Tests.Harness;

/// <summary>What a driver saw of one scenario's instance.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="CustomerId">The customer the run used.</param>
/// <param name="InstanceId">The instance the entry event started; null when none started.</param>
/// <param name="Outcome">An outcome name in camel case, <c>running</c>, or <c>notStarted</c>.</param>
/// <param name="Actions">Every action sent, in order, as <c>channel/action</c>.</param>
/// <param name="Steps">Every step entered, in order.</param>
/// <param name="ActionKeys">The idempotency key of every action, in the same order.</param>
/// <param name="Decisions">Every engine decision for the instance, in order, with its engine time (see <see cref="Decision"/>).</param>
/// <param name="Problems">What went wrong driving the run, beyond the results themselves; empty when nothing did.</param>
public sealed record JourneyRunResult(
    string Scenario,
    string CustomerId,
    string? InstanceId,
    string Outcome,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> ActionKeys,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<string> Problems)
{
    /// <summary>One decision as compared across drivers: when, what, where, where to, and the detail.</summary>
    /// <param name="at">Engine time.</param>
    /// <param name="kind">Decision kind.</param>
    /// <param name="step">Step concerned.</param>
    /// <param name="next">Step it led to.</param>
    /// <param name="detail">Detail text.</param>
    /// <returns>A line such as <c>2026-03-05T08:00:00.0000000Z TimedOut wait-pay→sms-reminder</c>.</returns>
    public static string Decision(DateTimeOffset at, string kind, string? step, string? next, string? detail) =>
        $"{at.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture)} {kind} {step}{(next is null ? "" : $"→{next}")}{(detail is null ? "" : $" ({detail})")}";

    /// <summary>
    /// A run's result as the customer's timeline recorded it (the drivers that read the application's store): the
    /// instance's actions, steps and decisions in commit order.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="customerId">The customer the run used.</param>
    /// <param name="instanceId">The instance.</param>
    /// <param name="outcome">How the driver saw it end.</param>
    /// <param name="timeline">The customer's timeline, in any order.</param>
    /// <param name="problems">What went wrong driving the run.</param>
    /// <returns>The result.</returns>
    public static JourneyRunResult FromTimeline(
        ScenarioRun run, string customerId, string instanceId, string outcome,
        IEnumerable<Orchestrator.Application.Customers.TimelineEntry> timeline, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(run);
        var ordered = timeline.OrderBy(e => e.Sequence).ToList();
        var actions = ordered.SelectMany(e => e.Actions).Where(a => a.InstanceId == instanceId).ToList();
        var history = ordered.SelectMany(e => e.Decisions).Where(d => d.InstanceId == instanceId).Select(d => d.Decision).ToList();
        var steps = history.Where(d => d.Kind == Orchestrator.Journeys.Engine.DecisionKind.StepEntered).Select(d => d.Step ?? "(no step)").ToList();
        var decisions = history
            .Select(d => Decision(d.At, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(d.Kind.ToString()), d.Step, d.Next, d.Detail))
            .ToList();
        return new(
            run.Name, customerId, instanceId, outcome,
            [.. actions.Select(a => $"{a.Channel}/{a.Action}")], steps, [.. actions.Select(a => a.IdempotencyKey)], decisions, problems);
    }

    /// <summary>A run that could not be driven to the end.</summary>
    /// <param name="run">The run.</param>
    /// <param name="problems">Why.</param>
    /// <returns>A result holding only the problems.</returns>
    public static JourneyRunResult Failed(ScenarioRun run, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Name, run.Script.CustomerId, null, "(not driven to the end)", [], [], [], [], problems);
    }

    public override string ToString() =>
        $"{Scenario} ({CustomerId}): outcome {Outcome}; actions [{string.Join(", ", Actions)}]; steps [{string.Join(", ", Steps)}]"
        + (Problems.Count > 0 ? $"; problems: {string.Join(" | ", Problems)}" : "");
}
