using System.Buffers;
using System.Text.Json;
using Orchestrator.Journeys.Conditions;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Templates;

/// <summary>
/// A JSON value whose strings may hold <c>{{field}}</c> placeholders, compiled once when the
/// definition is read. Rendering walks the compiled tree; it never evaluates code.
/// </summary>
public abstract record JsonTemplate
{
    // Only the types in this assembly derive from it: the set is closed.
    private protected JsonTemplate()
    {
    }

    /// <summary>How deep a template's JSON may nest.</summary>
    public const int MaxDepth = 16;

    private static readonly JsonElement NullValue = JsonDocument.Parse("null").RootElement.Clone();

    /// <summary>True when the template holds no placeholder, so it renders to the same value every time.</summary>
    public abstract bool IsConstant { get; }

    /// <summary>Compiles a JSON value into a template, reporting every bad placeholder.</summary>
    /// <param name="value">The JSON value as written.</param>
    /// <param name="pointer">JSON pointer of <paramref name="value"/>, for errors.</param>
    /// <param name="errors">Receives problems found.</param>
    /// <returns>The compiled template (best effort when errors were reported).</returns>
    public static JsonTemplate Compile(JsonElement value, string pointer, ICollection<DefinitionError> errors) =>
        Compile(value, pointer, errors, depth: 1);

    /// <summary>Renders the template to a JSON value.</summary>
    /// <param name="scope">What placeholders read.</param>
    /// <returns>The rendered value.</returns>
    public JsonElement Render(in EvaluationScope scope)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, scope);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    internal abstract void Write(Utf8JsonWriter writer, in EvaluationScope scope);

    private static JsonTemplate Compile(JsonElement value, string pointer, ICollection<DefinitionError> errors, int depth)
    {
        // Only arrays and objects are levels: the values inside the sixteenth one are allowed.
        if (depth > MaxDepth && value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            errors.Add(new DefinitionError(pointer, $"nests deeper than {MaxDepth} levels"));
            return new LiteralTemplate(NullValue);
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                if (TextTemplate.TryCompile(value.GetString()!, out var text, out var error))
                {
                    return text is null ? new LiteralTemplate(value.Clone()) : text;
                }

                errors.Add(new DefinitionError(pointer, error));
                return new LiteralTemplate(value.Clone());
            case JsonValueKind.Object:
                var properties = value.EnumerateObject()
                    .Select(p => KeyValuePair.Create(p.Name, Compile(p.Value, $"{pointer}/{JsonPointer.Escape(p.Name)}", errors, depth + 1)))
                    .ToArray();
                return properties.All(p => p.Value.IsConstant) ? new LiteralTemplate(value.Clone()) : new ObjectTemplate(properties);
            case JsonValueKind.Array:
                var items = value.EnumerateArray()
                    .Select((item, i) => Compile(item, $"{pointer}/{i}", errors, depth + 1))
                    .ToArray();
                return items.All(i => i.IsConstant) ? new LiteralTemplate(value.Clone()) : new ArrayTemplate(items);
            default:
                return new LiteralTemplate(value.Clone());
        }
    }
}

/// <summary>A value with no placeholder.</summary>
/// <param name="Value">The value.</param>
public sealed record LiteralTemplate(JsonElement Value) : JsonTemplate
{
    /// <inheritdoc />
    public override bool IsConstant => true;

    internal override void Write(Utf8JsonWriter writer, in EvaluationScope scope) => Value.WriteTo(writer);
}

/// <summary>An object with at least one placeholder below it.</summary>
/// <param name="Properties">Property name to template, in document order.</param>
public sealed record ObjectTemplate(IReadOnlyList<KeyValuePair<string, JsonTemplate>> Properties) : JsonTemplate
{
    /// <inheritdoc />
    public override bool IsConstant => false;

    internal override void Write(Utf8JsonWriter writer, in EvaluationScope scope)
    {
        writer.WriteStartObject();
        foreach (var (name, template) in Properties)
        {
            writer.WritePropertyName(name);
            template.Write(writer, scope);
        }

        writer.WriteEndObject();
    }
}

/// <summary>An array with at least one placeholder below it.</summary>
/// <param name="Items">Item templates.</param>
public sealed record ArrayTemplate(IReadOnlyList<JsonTemplate> Items) : JsonTemplate
{
    /// <inheritdoc />
    public override bool IsConstant => false;

    internal override void Write(Utf8JsonWriter writer, in EvaluationScope scope)
    {
        writer.WriteStartArray();
        foreach (var item in Items)
        {
            item.Write(writer, scope);
        }

        writer.WriteEndArray();
    }
}
