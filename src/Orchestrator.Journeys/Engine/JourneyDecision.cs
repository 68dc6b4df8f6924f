namespace Orchestrator.Journeys.Engine;

/// <summary>One recorded engine decision, so an instance can be explained step by step.</summary>
/// <param name="At">Engine time of the decision.</param>
/// <param name="Kind">What was decided.</param>
/// <param name="Step">The step it concerns.</param>
/// <param name="Next">Where it led, when it chose a successor.</param>
/// <param name="Detail">Short free text: the case, split label, outcome or touchpoint type.</param>
/// <param name="Values">Fields read by the deciding condition, with their values as raw JSON.</param>
public sealed record JourneyDecision(
    DateTimeOffset At,
    DecisionKind Kind,
    string? Step,
    string? Next = null,
    string? Detail = null,
    IReadOnlyDictionary<string, string>? Values = null);
