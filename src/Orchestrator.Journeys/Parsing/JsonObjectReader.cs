using System.Text.Json;

namespace Orchestrator.Journeys.Parsing;

/// <summary>
/// Reads the properties of one JSON object in a definition. Every read marks the property as known, so
/// <see cref="Complete"/> can report whatever the language does not define; missing, mistyped and
/// duplicate properties are reported as they are met.
/// </summary>
internal sealed class JsonObjectReader
{
    private const string DescriptionProperty = "description";

    private readonly OrderedDictionary<string, JsonElement> _properties = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private JsonObjectReader(string pointer, ICollection<DefinitionError> errors)
    {
        Pointer = pointer;
        Errors = errors;
    }

    /// <summary>The object's pointer.</summary>
    public string Pointer { get; }

    /// <summary>Receives problems found.</summary>
    public ICollection<DefinitionError> Errors { get; }

    /// <summary>Property names in document order, each once.</summary>
    public IEnumerable<string> Names => _properties.Keys;

    /// <summary>Opens an object, or reports that the value is not one.</summary>
    /// <param name="value">The value.</param>
    /// <param name="pointer">Its pointer.</param>
    /// <param name="errors">Receives problems found.</param>
    /// <returns>The reader, or null when the value is not an object.</returns>
    public static JsonObjectReader? Open(JsonElement value, string pointer, ICollection<DefinitionError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(JsonValues.TypeError(value, pointer, "an object"));
            return null;
        }

        var reader = new JsonObjectReader(pointer, errors);
        foreach (var property in value.EnumerateObject())
        {
            // The parser keeps both copies of a repeated name; which one wins would be a guess, so say so.
            if (!reader._properties.TryAdd(property.Name, property.Value))
            {
                errors.Add(new DefinitionError(reader.PointerOf(property.Name), $"duplicate property '{property.Name}'"));
            }
        }

        return reader;
    }

    /// <summary>Whether the object has a property, without marking it known.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>Whether it is present.</returns>
    public bool Has(string name) => _properties.ContainsKey(name);

    /// <summary>The pointer of a property.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The pointer.</returns>
    public string PointerOf(string name) => JsonPointer.Append(Pointer, name);

    /// <summary>Gets an optional property of any type.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>Whether it is present.</returns>
    public bool TryGet(string name, out JsonElement value)
    {
        _known.Add(name);
        return _properties.TryGetValue(name, out value);
    }

    /// <summary>Gets a required property of any type, reporting it when missing.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>Whether it is present.</returns>
    public bool TryGetRequired(string name, out JsonElement value)
    {
        if (TryGet(name, out value))
        {
            return true;
        }

        Errors.Add(new DefinitionError(Pointer, $"missing required property '{name}'"));
        return false;
    }

    /// <summary>Reads a required, non-blank string.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The string, or null when it is missing or invalid.</returns>
    public string? RequiredText(string name) =>
        TryGetRequired(name, out var value) ? JsonValues.String(value, PointerOf(name), Errors, nonEmpty: true) : null;

    /// <summary>Reads an optional string, which may be empty.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The string, or null when it is absent or invalid.</returns>
    public string? OptionalString(string name) =>
        TryGet(name, out var value) ? JsonValues.String(value, PointerOf(name), Errors, nonEmpty: false) : null;

    /// <summary>Reads an optional boolean.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value, or null when it is absent or invalid.</returns>
    public bool? OptionalBoolean(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Errors.Add(JsonValues.TypeError(value, PointerOf(name), "a boolean"));
        return null;
    }

    /// <summary>Reads an optional 32-bit integer.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value, or null when it is absent or invalid.</returns>
    public int? OptionalInteger(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var integer))
        {
            return integer;
        }

        Errors.Add(value.ValueKind == JsonValueKind.Number
            ? new DefinitionError(PointerOf(name), $"must be a whole number between {int.MinValue} and {int.MaxValue}")
            : JsonValues.TypeError(value, PointerOf(name), "an integer"));
        return null;
    }

    /// <summary>Reads a required finite number.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The value, or null when it is missing or invalid.</returns>
    public double? RequiredNumber(string name)
    {
        if (!TryGetRequired(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        Errors.Add(value.ValueKind == JsonValueKind.Number
            ? new DefinitionError(PointerOf(name), "is too large")
            : JsonValues.TypeError(value, PointerOf(name), "a number"));
        return null;
    }

    /// <summary>Reads an optional ISO 8601 duration.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="allowZero">Whether <c>PT0S</c> is accepted.</param>
    /// <returns>The duration, or null when it is absent or invalid.</returns>
    public TimeSpan? OptionalDuration(string name, bool allowZero = false)
    {
        if (!TryGet(name, out var value) || JsonValues.String(value, PointerOf(name), Errors, nonEmpty: false) is not { } text)
        {
            return null;
        }

        if (!Iso8601Duration.TryParse(text, out var duration, out var error))
        {
            Errors.Add(new DefinitionError(PointerOf(name), error));
            return null;
        }

        if (duration == TimeSpan.Zero && !allowZero)
        {
            Errors.Add(new DefinitionError(PointerOf(name), "must be longer than zero"));
            return null;
        }

        return duration;
    }

    /// <summary>Reads a string that must be one of a fixed set of names.</summary>
    /// <typeparam name="T">The enumeration the names map to.</typeparam>
    /// <param name="name">The property name.</param>
    /// <param name="choices">Each accepted name and its value, in the order they are suggested.</param>
    /// <param name="required">Whether a missing property is an error.</param>
    /// <returns>The value, or null when it is absent or invalid.</returns>
    public T? Choice<T>(string name, IReadOnlyList<KeyValuePair<string, T>> choices, bool required)
        where T : struct
    {
        var text = required ? RequiredText(name) : OptionalString(name);
        if (text is null)
        {
            return null;
        }

        foreach (var (choice, value) in choices)
        {
            if (choice == text)
            {
                return value;
            }
        }

        Errors.Add(new DefinitionError(PointerOf(name), $"'{text}' is not one of {string.Join(", ", choices.Select(c => c.Key))}"));
        return null;
    }

    /// <summary>Opens a nested object.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="required">Whether a missing property is an error.</param>
    /// <returns>The reader, or null when the property is absent or not an object.</returns>
    public JsonObjectReader? Object(string name, bool required)
    {
        var present = required ? TryGetRequired(name, out var value) : TryGet(name, out value);
        return present ? Open(value, PointerOf(name), Errors) : null;
    }

    /// <summary>Gets an array property.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="required">Whether a missing property or an empty array is an error.</param>
    /// <param name="items">The array.</param>
    /// <returns>Whether the property is an acceptable array.</returns>
    public bool TryGetArray(string name, bool required, out JsonElement items)
    {
        var present = required ? TryGetRequired(name, out items) : TryGet(name, out items);
        return present && JsonValues.IsArray(items, PointerOf(name), Errors, nonEmpty: required);
    }

    /// <summary>Reads an array of objects, completing each item after <paramref name="read"/>.</summary>
    /// <typeparam name="T">What each item becomes.</typeparam>
    /// <param name="name">The property name.</param>
    /// <param name="required">Whether a missing property or an empty array is an error.</param>
    /// <param name="read">Reads one item; returns null when it could not.</param>
    /// <returns>
    /// Every item, or null when the array is absent or invalid or any item could not be read. An empty array that
    /// must not be empty is reported and read as an empty list, so the step it belongs to still takes part in the graph
    /// checks and the designer sees every problem in one round.
    /// </returns>
    public List<T>? ReadObjects<T>(string name, bool required, Func<JsonObjectReader, T?> read)
        where T : class
    {
        if (!TryGetArray(name, required, out var items))
        {
            return items.ValueKind == JsonValueKind.Array && items.GetArrayLength() == 0 ? [] : null;
        }

        var result = new List<T>();
        var complete = true;
        var index = 0;
        foreach (var element in items.EnumerateArray())
        {
            var item = Open(element, JsonPointer.Append(PointerOf(name), index++), Errors);
            var value = item is null ? null : read(item);
            item?.Complete();
            if (value is null)
            {
                complete = false;
            }
            else
            {
                result.Add(value);
            }
        }

        return complete ? result : null;
    }

    /// <summary>Marks every property known, for objects whose shape could not be told.</summary>
    public void Skip() => _known.UnionWith(_properties.Keys);

    /// <summary>Checks the optional description and reports every property nothing read.</summary>
    public void Complete()
    {
        OptionalString(DescriptionProperty);
        foreach (var name in _properties.Keys)
        {
            if (!_known.Contains(name))
            {
                Errors.Add(new DefinitionError(PointerOf(name), $"unknown property '{name}'"));
            }
        }
    }
}
