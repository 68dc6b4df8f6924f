using Orchestrator.Journeys.Conditions;

namespace Orchestrator.Journeys.Tests.Support;

/// <summary>Short forms for condition trees, as a designer would write them in JSON.</summary>
internal static class Cond
{
    /// <summary>A field comparison; <paramref name="valueJson"/> is the literal as JSON text.</summary>
    public static FieldCondition Field(string path, ConditionOperator op, string? valueJson = null) =>
        new(FieldPath.Parse(path), op, Json.ParseOrNull(valueJson));

    public static AllCondition All(params Condition[] conditions) => new(conditions);

    public static AnyCondition Any(params Condition[] conditions) => new(conditions);

    public static NotCondition Not(Condition inner) => new(inner);
}
