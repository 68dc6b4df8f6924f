using System.Globalization;
using System.Text.Json;
using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Analytics;

/// <summary>
/// What an instance has done so far that the analytics count once it ends: when it entered its current step, the
/// signals seen (steps, branch paths, split arms, channels, touchpoint types), the effort spent and the survey answer.
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="MaxSignals"/> signals are kept, the first ones seen. Part of
/// <see cref="JourneyState"/>, so it travels wherever the state goes (Table rows, Durable orchestrations) and stays
/// deterministic: it is a pure function of the decisions.
/// </remarks>
public sealed record InstanceTrail
{
    /// <summary>Most signals kept per instance.</summary>
    public const int MaxSignals = 64;

    /// <summary>When the instance entered the step it is at.</summary>
    public DateTimeOffset? StepEnteredAt { get; init; }

    /// <summary>Signal ids seen, first seen first.</summary>
    public IReadOnlyList<string> Signals { get; init; } = [];

    /// <summary>Touchpoints: actions sent to the customer plus touchpoints the instance applied.</summary>
    public int Contacts { get; init; }

    /// <summary>Times an action went to a channel other than the previous action's.</summary>
    public int Switches { get; init; }

    /// <summary>Actions to an assisted channel (a person, such as the contact centre).</summary>
    public int Assisted { get; init; }

    /// <summary>The channel of the latest action.</summary>
    public string? LastChannel { get; init; }

    /// <summary>The latest survey answer applied, when the journey's score names a survey.</summary>
    public double? Survey { get; init; }

    /// <summary>The trail after a transition's decisions.</summary>
    /// <param name="definition">The journey.</param>
    /// <param name="trail">The trail before; null for a new instance.</param>
    /// <param name="decisions">The decisions, in order.</param>
    /// <param name="lastEvent">The latest touchpoint the instance applied (for the survey answer).</param>
    /// <returns>The new trail.</returns>
    public static InstanceTrail After(JourneyDefinition definition, InstanceTrail? trail, IReadOnlyList<JourneyDecision> decisions, Touchpoint? lastEvent)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(decisions);
        var signals = new List<string>(trail?.Signals ?? []);
        var enteredAt = trail?.StepEnteredAt;
        var contacts = trail?.Contacts ?? 0;
        var switches = trail?.Switches ?? 0;
        var assisted = trail?.Assisted ?? 0;
        var lastChannel = trail?.LastChannel;
        var survey = trail?.Survey;
        var inbound = false;
        var settings = definition.Score ?? ScoreSettings.Default;
        foreach (var decision in decisions)
        {
            switch (decision.Kind)
            {
                case DecisionKind.StepEntered:
                    enteredAt = decision.At;
                    Add(signals, Signal.Step(decision.Step!));
                    break;
                case DecisionKind.BranchTaken:
                    Add(signals, Signal.Path(decision.Step!, decision.Detail!));
                    break;
                case DecisionKind.SplitAssigned:
                    Add(signals, Signal.Arm(decision.Step!, decision.Detail!));
                    break;
                case DecisionKind.ActionRequested when definition.Steps.TryGetValue(decision.Step!, out var step) && step is SendStep send:
                    contacts++;
                    switches += lastChannel is not null && !string.Equals(lastChannel, send.Channel, StringComparison.Ordinal) ? 1 : 0;
                    assisted += settings.IsAssisted(send.Channel) ? 1 : 0;
                    lastChannel = send.Channel;
                    Add(signals, Signal.Channel(send.Channel));
                    break;
                case DecisionKind.EventMatched or DecisionKind.GoalReached or DecisionKind.Exited when decision.Detail is { } type:
                    inbound = true;
                    Add(signals, Signal.Touchpoint(type));
                    if (settings.Survey is { } question && question.Event == type && lastEvent?.Type == type
                        && SurveyValue(question, lastEvent) is { } answer)
                    {
                        survey = answer;
                    }

                    break;
            }
        }

        return new InstanceTrail
        {
            StepEnteredAt = enteredAt,
            Signals = signals,
            Contacts = contacts + (inbound ? 1 : 0),
            Switches = switches,
            Assisted = assisted,
            LastChannel = lastChannel,
            Survey = survey,
        };
    }

    private static void Add(List<string> signals, string signal)
    {
        if (signals.Count < MaxSignals && !signals.Contains(signal, StringComparer.Ordinal))
        {
            signals.Add(signal);
        }
    }

    private static double? SurveyValue(SurveySignal survey, Touchpoint touchpoint)
    {
        var scope = new EvaluationScope(touchpoint, touchpoint, null, touchpoint.CustomerId, string.Empty, string.Empty, 0);
        var value = scope.Resolve(survey.Field);
        return value.Kind switch
        {
            FieldValueKind.Number when value.Element is { ValueKind: JsonValueKind.Number } element => element.GetDouble(),
            FieldValueKind.String when double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}
