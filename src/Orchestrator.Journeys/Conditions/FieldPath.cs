namespace Orchestrator.Journeys.Conditions;

/// <summary>
/// A parsed field reference such as <c>event.data.amount</c>, <c>trigger.type</c>, <c>vars.tier</c>
/// <c>customer.id</c> or <c>customer.attributes.tier</c>. Parsed once when the definition is read, so evaluation never splits strings.
/// </summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    private FieldPath(string text, FieldRoot root, TouchpointField attribute, string[] segments)
    {
        Text = text;
        Root = root;
        Attribute = attribute;
        Segments = segments;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>What the path starts from.</summary>
    public FieldRoot Root { get; }

    /// <summary>For <c>event.*</c> and <c>trigger.*</c>, the attribute read.</summary>
    public TouchpointField Attribute { get; }

    /// <summary>
    /// Property names (or array indexes) below <c>data</c> for touchpoint paths, below <c>vars</c> for
    /// variable paths; below <c>customer</c> for customer paths (<c>id</c>, <c>attributes</c>…); empty otherwise.
    /// </summary>
    public IReadOnlyList<string> Segments { get; }

    internal string[] SegmentArray => (string[])Segments;

    /// <summary>Parses a path, or says why it is not one.</summary>
    /// <param name="text">The path as written.</param>
    /// <param name="path">The parsed path.</param>
    /// <param name="error">Why <paramref name="text"/> is not a path.</param>
    /// <returns>Whether <paramref name="text"/> is a valid path.</returns>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FieldPath? path, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        path = null;
        var parts = text.Split('.');
        if (parts.Any(p => p.Length == 0))
        {
            error = $"'{text}' is not a field path: it has an empty segment";
            return false;
        }

        switch (parts[0])
        {
            case "event" or "trigger":
                var root = parts[0] == "event" ? FieldRoot.Event : FieldRoot.Trigger;
                if (parts.Length < 2)
                {
                    error = $"'{text}' names no attribute: use {parts[0]}.type, .source, .time, .id, .subject or .data.…";
                    return false;
                }

                TouchpointField attribute = parts[1] switch
                {
                    "id" => TouchpointField.Id,
                    "type" => TouchpointField.Type,
                    "source" => TouchpointField.Source,
                    "time" => TouchpointField.Time,
                    "subject" => TouchpointField.Subject,
                    "data" => TouchpointField.Data,
                    _ => TouchpointField.None,
                };
                if (attribute == TouchpointField.None || (attribute != TouchpointField.Data && parts.Length > 2))
                {
                    error = $"'{text}' is not a touchpoint field: use {parts[0]}.type, .source, .time, .id, .subject or .data.…";
                    return false;
                }

                path = new FieldPath(text, root, attribute, parts[2..]);
                error = null;
                return true;

            case "vars" when parts.Length >= 2:
                path = new FieldPath(text, FieldRoot.Vars, TouchpointField.None, parts[1..]);
                error = null;
                return true;

            case "customer":
                error = CustomerPathError(text, parts);
                path = error is null ? new FieldPath(text, FieldRoot.Customer, TouchpointField.None, parts[1..]) : null;
                return error is null;

            case "instance" when parts is [_, "id"]:
                path = new FieldPath(text, FieldRoot.Instance, TouchpointField.None, []);
                error = null;
                return true;

            case "journey" when parts is [_, "id"] or [_, "version"]:
                path = new FieldPath(text, FieldRoot.Journey, TouchpointField.None, parts[1..]);
                error = null;
                return true;

            default:
                error = $"'{text}' is not a field path: it must start with event., trigger., vars., customer., instance.id or journey.";
                return false;
        }
    }

    // customer.id, customer.attributes.<name>…, customer.consent.<channel>, customer.facts.<fact> or .facts.steps|outcomes.<journey>.
    private static string? CustomerPathError(string text, string[] parts) => parts switch
    {
        [_, "id"] => null,
        [_, "attributes", var name, ..] => Customers.ProfileNames.IsAttributeName(name) ? null : $"'{text}' names no valid attribute: attribute names are identifiers",
        [_, "consent", var channel] => Customers.ProfileNames.IsChannel(channel) ? null : $"'{text}' names no valid channel",
        [_, "facts", "lastTouchpointAt" or "lastTouchpointType" or "lastChannel" or "journeys"] => null,
        [_, "facts", "steps" or "outcomes", _] => null,
        [_, "facts", ..] => $"'{text}' is not a customer fact: use customer.facts.lastTouchpointAt, .lastTouchpointType, .lastChannel, .journeys, .steps.<journey> or .outcomes.<journey>",
        _ => $"'{text}' is not a customer field: use customer.id, customer.attributes.<name>, customer.consent.<channel> or customer.facts.…",
    };

    /// <summary>Parses a path that is known to be valid.</summary>
    /// <param name="text">The path.</param>
    /// <returns>The parsed path.</returns>
    /// <exception cref="FormatException">The path is not valid.</exception>
    public static FieldPath Parse(string text) =>
        TryParse(text, out var path, out var error) ? path : throw new FormatException(error);

    /// <inheritdoc />
    public bool Equals(FieldPath? other) => other is not null && other.Text == Text;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;
}
