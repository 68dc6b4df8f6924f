using System.Text.Json;
using Orchestrator.Journeys.Conditions;

namespace Orchestrator.Journeys.Parsing;

/// <summary>Reads conditions: <c>all</c>, <c>any</c>, <c>not</c> or a <c>field</c>/<c>op</c>/<c>value</c> comparison.</summary>
internal static class ConditionReader
{
    private static readonly string[] ShapeProperties = ["all", "any", "not", "field", "op", "value"];

    /// <summary>Reads an optional condition property.</summary>
    /// <param name="parent">The object holding it.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The condition, or null when it is absent or invalid.</returns>
    public static Condition? Optional(JsonObjectReader parent, string name) =>
        parent.TryGet(name, out var value) ? Read(value, parent.PointerOf(name), parent.Errors, depth: 1) : null;

    /// <summary>Reads a required condition property.</summary>
    /// <param name="parent">The object holding it.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The condition, or null when it is missing or invalid.</returns>
    public static Condition? Required(JsonObjectReader parent, string name) =>
        parent.TryGetRequired(name, out var value) ? Read(value, parent.PointerOf(name), parent.Errors, depth: 1) : null;

    private static Condition? Read(JsonElement value, string pointer, ICollection<DefinitionError> errors, int depth)
    {
        // Checked before looking inside, so a hostile document cannot drive the recursion deeper.
        if (depth > JourneyDefinitionReader.MaxConditionDepth)
        {
            errors.Add(new DefinitionError(pointer, $"conditions may nest at most {JourneyDefinitionReader.MaxConditionDepth} levels deep"));
            return null;
        }

        if (JsonObjectReader.Open(value, pointer, errors) is not { } reader)
        {
            return null;
        }

        var shapes = ShapeProperties.Where(reader.Has).ToArray();
        var combinators = shapes.Count(s => s is "all" or "any" or "not");
        var condition = (combinators, shapes.Length) switch
        {
            (0, 0) => NoShape(reader),
            (0, _) => ReadComparison(reader),
            (1, 1) => ReadCombinator(reader, shapes[0], depth),
            _ => MixedShapes(reader, shapes),
        };
        reader.Complete();
        return condition;
    }

    private static Condition? ReadCombinator(JsonObjectReader reader, string shape, int depth)
    {
        if (shape == "not")
        {
            reader.TryGet(shape, out var inner);
            return Read(inner, reader.PointerOf(shape), reader.Errors, depth + 1) is { } negated ? new NotCondition(negated) : null;
        }

        if (!reader.TryGetArray(shape, required: true, out var items))
        {
            return null;
        }

        var conditions = new List<Condition>();
        var index = 0;
        var valid = true;
        foreach (var item in items.EnumerateArray())
        {
            var itemPointer = JsonPointer.Append(reader.PointerOf(shape), index);
            if (Read(item, itemPointer, reader.Errors, depth + 1) is { } condition)
            {
                conditions.Add(condition);
            }
            else
            {
                valid = false;
            }

            index++;
        }

        return !valid ? null : shape == "all" ? new AllCondition(conditions) : new AnyCondition(conditions);
    }

    private static FieldCondition? ReadComparison(JsonObjectReader reader)
    {
        FieldPath? field = null;
        if (reader.RequiredText("field") is { } fieldText && !FieldPath.TryParse(fieldText, out field, out var fieldError))
        {
            reader.Errors.Add(new DefinitionError(reader.PointerOf("field"), fieldError));
        }

        ConditionOperator? op = null;
        if (reader.RequiredText("op") is { } opText)
        {
            if (FieldCondition.TryParseOperator(opText, out var parsed))
            {
                op = parsed;
            }
            else
            {
                var names = string.Join(", ", Enum.GetValues<ConditionOperator>().Select(FieldCondition.OperatorName));
                reader.Errors.Add(new DefinitionError(reader.PointerOf("op"), $"unknown operator '{opText}': use {names}"));
            }
        }

        JsonElement? value = reader.TryGet("value", out var literal) ? literal : null;
        if (op is not { } knownOp || !CheckValue(reader, knownOp, value) || field is null)
        {
            return null;
        }

        return new FieldCondition(field, knownOp, value?.Clone());
    }

    private static bool CheckValue(JsonObjectReader reader, ConditionOperator op, JsonElement? value)
    {
        if (value is not { } literal)
        {
            if (op == ConditionOperator.Exists)
            {
                return true;
            }

            reader.Errors.Add(new DefinitionError(reader.Pointer, "missing required property 'value'"));
            return false;
        }

        var expected = op switch
        {
            ConditionOperator.Exists => literal.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "a boolean",
            ConditionOperator.In or ConditionOperator.NotIn => literal.ValueKind == JsonValueKind.Array ? null : "an array",
            ConditionOperator.Gt or ConditionOperator.Gte or ConditionOperator.Lt or ConditionOperator.Lte =>
                literal.ValueKind is JsonValueKind.Number or JsonValueKind.String ? null : "a number or a string",
            ConditionOperator.StartsWith => literal.ValueKind == JsonValueKind.String ? null : "a string",
            _ => null,
        };
        if (expected is null)
        {
            return true;
        }

        var message = $"'{FieldCondition.OperatorName(op)}' needs {expected} value, not {JsonValues.Describe(literal.ValueKind)}";
        reader.Errors.Add(new DefinitionError(reader.PointerOf("value"), message));
        return false;
    }

    private static Condition? NoShape(JsonObjectReader reader)
    {
        reader.Errors.Add(new DefinitionError(reader.Pointer, "a condition needs 'all', 'any', 'not', or 'field' with 'op' and 'value'"));
        return null;
    }

    private static Condition? MixedShapes(JsonObjectReader reader, string[] shapes)
    {
        var found = string.Join(", ", shapes.Select(s => $"'{s}'"));
        reader.Errors.Add(new DefinitionError(reader.Pointer, $"a condition is exactly one of 'all', 'any', 'not' or a field comparison; this one has {found}"));
        reader.Skip();
        return null;
    }
}
