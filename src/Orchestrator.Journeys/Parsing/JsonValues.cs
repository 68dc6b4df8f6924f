using System.Text.Json;

namespace Orchestrator.Journeys.Parsing;

/// <summary>Type checks on single JSON values, each reporting a plain message at the value's pointer.</summary>
internal static class JsonValues
{
    /// <summary>Reads a string value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="pointer">Its pointer.</param>
    /// <param name="errors">Receives problems found.</param>
    /// <param name="nonEmpty">Whether an empty or blank string is an error.</param>
    /// <returns>The string, or null when it is not one.</returns>
    public static string? String(JsonElement value, string pointer, ICollection<DefinitionError> errors, bool nonEmpty)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(TypeError(value, pointer, "a string"));
            return null;
        }

        var text = value.GetString()!;
        if (nonEmpty && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new DefinitionError(pointer, "must not be empty"));
            return null;
        }

        return text;
    }

    /// <summary>Checks that a value is an array.</summary>
    /// <param name="value">The value.</param>
    /// <param name="pointer">Its pointer.</param>
    /// <param name="errors">Receives problems found.</param>
    /// <param name="nonEmpty">Whether an empty array is an error.</param>
    /// <returns>Whether the value is an acceptable array.</returns>
    public static bool IsArray(JsonElement value, string pointer, ICollection<DefinitionError> errors, bool nonEmpty)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(TypeError(value, pointer, "an array"));
            return false;
        }

        if (nonEmpty && value.GetArrayLength() == 0)
        {
            errors.Add(new DefinitionError(pointer, "must not be empty"));
            return false;
        }

        return true;
    }

    /// <summary>The error for a value of the wrong JSON type.</summary>
    /// <param name="value">The value found.</param>
    /// <param name="pointer">Its pointer.</param>
    /// <param name="expected">What was expected, with its article (<c>a string</c>).</param>
    /// <returns>The error.</returns>
    public static DefinitionError TypeError(JsonElement value, string pointer, string expected) =>
        new(pointer, $"must be {expected}, not {Describe(value.ValueKind)}");

    /// <summary>Names a JSON type the way a designer would say it.</summary>
    /// <param name="kind">The type.</param>
    /// <returns>The name with its article.</returns>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
