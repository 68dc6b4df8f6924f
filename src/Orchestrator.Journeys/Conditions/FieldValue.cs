using System.Globalization;
using System.Text.Json;

namespace Orchestrator.Journeys.Conditions;

/// <summary>
/// A value read from a touchpoint, a variable or a condition literal, compared by the rules in
/// <c>docs/language.md</c>: no coercion between kinds, JSON null counts as missing, strings shaped
/// like ISO 8601 dates compare as instants.
/// </summary>
/// <remarks>JSON strings stay as <see cref="JsonElement"/>s until needed so equality tests do not allocate.</remarks>
internal readonly struct FieldValue
{
    private readonly string? _text;
    private readonly double _number;
    private readonly DateTimeOffset _instant;
    private readonly JsonElement _element;
    private readonly bool _hasElement;

    private FieldValue(FieldValueKind kind, string? text = null, double number = 0, DateTimeOffset instant = default, JsonElement element = default, bool hasElement = false)
    {
        Kind = kind;
        _text = text;
        _number = number;
        _instant = instant;
        _element = element;
        _hasElement = hasElement;
    }

    public FieldValueKind Kind { get; }

    public static FieldValue Missing => default;

    public static FieldValue FromString(string? text) => text is null ? Missing : new(FieldValueKind.String, text: text);

    public static FieldValue FromInstant(DateTimeOffset instant) => new(FieldValueKind.Instant, instant: instant);

    public static FieldValue FromNumber(double number) => new(FieldValueKind.Number, number: number);

    public static FieldValue FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new(FieldValueKind.String, element: element, hasElement: true),
        JsonValueKind.Number => new(FieldValueKind.Number, number: element.GetDouble(), element: element, hasElement: true),
        JsonValueKind.True => new(FieldValueKind.Boolean, number: 1, element: element, hasElement: true),
        JsonValueKind.False => new(FieldValueKind.Boolean, number: 0, element: element, hasElement: true),
        JsonValueKind.Array => new(FieldValueKind.Array, element: element, hasElement: true),
        JsonValueKind.Object => new(FieldValueKind.Object, element: element, hasElement: true),
        _ => Missing,
    };

    public bool IsMissing => Kind == FieldValueKind.Missing;

    public bool Boolean => _number != 0;

    public JsonElement Element => _element;

    public string Text => Kind == FieldValueKind.Instant
        ? _instant.ToString("O", CultureInfo.InvariantCulture)
        : _text ?? (_hasElement ? _element.GetString() ?? string.Empty : string.Empty);

    /// <summary>Equality by the language's rules; a missing value equals nothing.</summary>
    public bool ValueEquals(in FieldValue other)
    {
        switch (Kind, other.Kind)
        {
            case (FieldValueKind.Missing, _) or (_, FieldValueKind.Missing):
                return false;
            case (FieldValueKind.Number, FieldValueKind.Number):
                return _number == other._number;
            case (FieldValueKind.Boolean, FieldValueKind.Boolean):
                return Boolean == other.Boolean;
            case (FieldValueKind.String, FieldValueKind.String):
                return StringEquals(other) || (DateShaped(other) && TryInstants(other, out var left, out var right) && left == right);
            case (FieldValueKind.Instant, _) or (_, FieldValueKind.Instant):
                return TryInstants(other, out var a, out var b) && a == b;
            case (FieldValueKind.Array, FieldValueKind.Array) or (FieldValueKind.Object, FieldValueKind.Object):
                return JsonElement.DeepEquals(_element, other._element);
            default:
                return false;
        }
    }

    /// <summary>Ordering by the language's rules; null when the two are not comparable.</summary>
    public int? CompareTo(in FieldValue other)
    {
        switch (Kind, other.Kind)
        {
            case (FieldValueKind.Number, FieldValueKind.Number):
                return _number.CompareTo(other._number);
            case (FieldValueKind.Instant, _) or (_, FieldValueKind.Instant):
                return TryInstants(other, out var a, out var b) ? a.CompareTo(b) : null;
            case (FieldValueKind.String, FieldValueKind.String):
                string left = Text, right = other.Text;
                if (LooksLikeDate(left) && LooksLikeDate(right) && TryParseInstant(left, out var l) && TryParseInstant(right, out var r))
                {
                    return l.CompareTo(r);
                }

                return string.CompareOrdinal(left, right);
            default:
                return null;
        }
    }

    /// <summary>The value as raw JSON text, for decision records.</summary>
    public string ToJson() => Kind switch
    {
        FieldValueKind.Missing => "null",
        // An ISO 8601 instant holds no character JSON must escape; writing it directly keeps '+' readable.
        FieldValueKind.Instant => $"\"{_instant.ToString("O", CultureInfo.InvariantCulture)}\"",
        _ when _hasElement => _element.GetRawText(),
        FieldValueKind.String => JsonSerializer.Serialize(_text!, JourneysJsonDefaults.StringInfo),
        FieldValueKind.Number => _number.ToString("R", CultureInfo.InvariantCulture),
        _ => "null",
    };

    private bool StringEquals(in FieldValue other)
    {
        if (_hasElement && other._text is not null)
        {
            return _element.ValueEquals(other._text);
        }

        if (other._hasElement && _text is not null)
        {
            return other._element.ValueEquals(_text);
        }

        return string.Equals(Text, other.Text, StringComparison.Ordinal);
    }

    // Only strings shaped like dates on both sides are compared as instants; the check on the first
    // characters keeps ordinary string equality free of date parsing.
    private bool DateShaped(in FieldValue other) => other.LooksDateShaped && LooksDateShaped;

    // Literals carry their text (see Materialized), so checking the literal first avoids reading a
    // touchpoint string's text when the literal is not a date at all.
    private bool LooksDateShaped => LooksLikeDate(Text);

    /// <summary>The same value with a string's text read once, for literals compared many times.</summary>
    public FieldValue Materialized() => Kind == FieldValueKind.String && _text is null ? FromString(Text) : this;

    private bool TryInstants(in FieldValue other, out DateTimeOffset a, out DateTimeOffset b)
    {
        b = default;
        return TryGetInstant(out a) && other.TryGetInstant(out b);
    }

    internal bool TryGetInstant(out DateTimeOffset instant)
    {
        if (Kind == FieldValueKind.Instant)
        {
            instant = _instant;
            return true;
        }

        instant = default;
        return Kind == FieldValueKind.String && TryParseInstant(Text, out instant);
    }

    internal static bool LooksLikeDate(string text) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-';

    internal static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant)
        && LooksLikeDate(text);
}
