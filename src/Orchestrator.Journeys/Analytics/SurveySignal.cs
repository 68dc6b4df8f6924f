using Orchestrator.Journeys.Conditions;

namespace Orchestrator.Journeys.Analytics;

/// <summary>The survey answer a journey's score reads: a touchpoint type and a numeric field of it, on a scale.</summary>
/// <param name="Event">The touchpoint type carrying the answer (for example <c>csat.submitted</c>).</param>
/// <param name="Field">The numeric field (for example <c>event.data.score</c>).</param>
/// <param name="Min">The scale's worst answer.</param>
/// <param name="Max">The scale's best answer.</param>
public sealed record SurveySignal(string Event, FieldPath Field, double Min, double Max);
