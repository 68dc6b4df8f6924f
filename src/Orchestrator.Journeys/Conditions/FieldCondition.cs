using System.Text.Json;

namespace Orchestrator.Journeys.Conditions;

/// <summary>Compares one field with a literal value.</summary>
/// <param name="Field">The field read.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">
/// The literal: any JSON value; an array for <c>in</c>/<c>notIn</c>; a boolean (default true) for <c>exists</c>.
/// </param>
public sealed record FieldCondition(FieldPath Field, ConditionOperator Operator, JsonElement? Value) : Condition
{
    private readonly FieldValue _literal = Literal(Value);
    private readonly FieldValue[] _set = Set(Value);

    /// <summary>The literal compared with the field.</summary>
    /// <remarks>The init accessor parses the literal again, so a <c>with</c> copy never compares with the old one.</remarks>
    public JsonElement? Value
    {
        get;
        init
        {
            field = value;
            _literal = Literal(value);
            _set = Set(value);
        }
    } = Value;

    /// <inheritdoc />
    public override bool Evaluate(in EvaluationScope scope, IDictionary<string, string>? observed = null)
    {
        var actual = scope.Resolve(Field);
        if (observed is not null)
        {
            observed[Field.Text] = actual.ToJson();
        }

        return Operator switch
        {
            ConditionOperator.Eq => actual.ValueEquals(_literal),
            ConditionOperator.Ne => !actual.ValueEquals(_literal),
            ConditionOperator.Gt => actual.CompareTo(_literal) > 0,
            ConditionOperator.Gte => actual.CompareTo(_literal) >= 0,
            ConditionOperator.Lt => actual.CompareTo(_literal) < 0,
            ConditionOperator.Lte => actual.CompareTo(_literal) <= 0,
            ConditionOperator.In => InSet(actual),
            ConditionOperator.NotIn => !InSet(actual),
            ConditionOperator.Contains => Contains(actual),
            ConditionOperator.StartsWith => actual.Kind == FieldValueKind.String && _literal.Kind == FieldValueKind.String
                && actual.Text.StartsWith(_literal.Text, StringComparison.Ordinal),
            ConditionOperator.Exists => actual.IsMissing != ExpectsPresence,
            _ => false,
        };
    }

    /// <inheritdoc />
    public override string Describe() => Value is { } v
        ? $"{Field.Text} {OperatorName(Operator)} {v.GetRawText()}"
        : $"{Field.Text} {OperatorName(Operator)}";

    /// <inheritdoc />
    public override int Depth => 1;

    /// <summary>The JSON name of an operator.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>Its name in the definition language.</returns>
    public static string OperatorName(ConditionOperator op) => op switch
    {
        ConditionOperator.NotIn => "notIn",
        ConditionOperator.StartsWith => "startsWith",
        _ => op.ToString().ToLowerInvariant(),
    };

    /// <summary>Reads an operator's JSON name.</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="op">The operator.</param>
    /// <returns>Whether the name is an operator.</returns>
    public static bool TryParseOperator(string name, out ConditionOperator op)
    {
        foreach (var candidate in Enum.GetValues<ConditionOperator>())
        {
            if (OperatorName(candidate) == name)
            {
                op = candidate;
                return true;
            }
        }

        op = default;
        return false;
    }

    private static FieldValue Literal(JsonElement? value) => value is { } v ? FieldValue.FromElement(v).Materialized() : FieldValue.Missing;

    private static FieldValue[] Set(JsonElement? value) => value is { ValueKind: JsonValueKind.Array } array
        ? [.. array.EnumerateArray().Select(e => FieldValue.FromElement(e).Materialized())]
        : [];

    private bool ExpectsPresence => _literal.Kind != FieldValueKind.Boolean || _literal.Boolean;

    private bool InSet(in FieldValue actual)
    {
        foreach (var candidate in _set)
        {
            if (actual.ValueEquals(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private bool Contains(in FieldValue actual)
    {
        if (actual.Kind == FieldValueKind.String && _literal.Kind == FieldValueKind.String)
        {
            return actual.Text.Contains(_literal.Text, StringComparison.Ordinal);
        }

        if (actual.Kind == FieldValueKind.Array)
        {
            foreach (var item in actual.Element.EnumerateArray())
            {
                if (FieldValue.FromElement(item).ValueEquals(_literal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
