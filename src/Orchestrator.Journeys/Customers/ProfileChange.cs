using System.Text.Json;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Customers;

/// <summary>
/// A change to a customer's profile, as a profile touchpoint's <c>data</c> or the profile route's body carries it:
/// <c>{ "attributes": { "tier": "gold", "locale": null }, "consent": { "email": { "status": "optOut" } } }</c>.
/// Merged shallowly: a named attribute or channel is replaced, <c>null</c> removes it, the rest stay.
/// </summary>
/// <param name="Attributes">Attributes to set (a value) or remove (null).</param>
/// <param name="Consent">Consents to set (a value) or remove (null).</param>
public sealed record ProfileChange(
    IReadOnlyDictionary<string, JsonElement?> Attributes,
    IReadOnlyDictionary<string, ProfileConsentChange?> Consent)
{
    /// <summary>The touchpoint type that changes a profile unless the host is configured otherwise.</summary>
    public const string DefaultTouchpointType = "customer.updated";

    /// <summary>Reads a change, reporting every problem with its JSON pointer.</summary>
    /// <param name="element">The change document.</param>
    /// <param name="pointer">The document's own pointer (<c>""</c> for a whole body, <c>/data</c> in a touchpoint).</param>
    /// <param name="errors">Receives the problems.</param>
    /// <returns>The change, or null when there were problems.</returns>
    public static ProfileChange? Read(JsonElement element, string pointer, ICollection<DefinitionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DefinitionError(pointer, "a profile change is a JSON object with 'attributes' and/or 'consent'"));
            return null;
        }

        var attributes = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
        var consent = new Dictionary<string, ProfileConsentChange?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var at = $"{pointer}/{JsonPointer.Escape(property.Name)}";
            switch (property.Name)
            {
                case "attributes":
                    ReadAttributes(property.Value, at, attributes, errors);
                    break;
                case "consent":
                    ReadConsent(property.Value, at, consent, errors);
                    break;
                default:
                    errors.Add(new DefinitionError(at, $"unknown property '{property.Name}': a profile change has 'attributes' and 'consent'"));
                    break;
            }
        }

        return errors.Count == before ? new ProfileChange(attributes, consent) : null;
    }

    /// <summary>The profile with this change merged in, or null (and the problems) when it would break a limit.</summary>
    /// <param name="profile">The profile as it stands.</param>
    /// <param name="at">When the change was made, recorded on consents that do not say.</param>
    /// <param name="source">Who made it, recorded on consents that do not say.</param>
    /// <param name="pointer">The change document's pointer, for problems.</param>
    /// <param name="errors">Receives the problems.</param>
    /// <returns>The merged profile.</returns>
    public CustomerProfile? ApplyTo(CustomerProfile profile, DateTimeOffset at, string? source, string pointer, ICollection<DefinitionError> errors)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(errors);
        var attributes = new Dictionary<string, JsonElement>(profile.Attributes, StringComparer.Ordinal);
        foreach (var (name, value) in Attributes)
        {
            if (value is { } set)
            {
                attributes[name] = set;
            }
            else
            {
                attributes.Remove(name);
            }
        }

        var consent = new Dictionary<string, ChannelConsent>(profile.Consent, StringComparer.Ordinal);
        foreach (var (channel, change) in Consent)
        {
            if (change is { } set)
            {
                consent[channel] = new ChannelConsent(set.Status, set.At ?? at, set.Source ?? source);
            }
            else
            {
                consent.Remove(channel);
            }
        }

        var before = errors.Count;
        if (attributes.Count > CustomerProfile.MaxAttributes)
        {
            errors.Add(new DefinitionError($"{pointer}/attributes", $"a customer has at most {CustomerProfile.MaxAttributes} attributes; this change would make {attributes.Count}"));
        }
        else if (SizeOf(attributes) is var size && size > CustomerProfile.MaxAttributesBytes)
        {
            errors.Add(new DefinitionError($"{pointer}/attributes", $"a customer's attributes take at most {CustomerProfile.MaxAttributesBytes} bytes of JSON; this change would make {size}"));
        }

        if (consent.Count > CustomerProfile.MaxConsents)
        {
            errors.Add(new DefinitionError($"{pointer}/consent", $"a customer has consent for at most {CustomerProfile.MaxConsents} channels; this change would make {consent.Count}"));
        }

        return errors.Count == before ? profile with { Attributes = attributes, Consent = consent } : null;
    }

    private static long SizeOf(Dictionary<string, JsonElement> attributes)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in attributes)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenCount;
    }

    private static void ReadAttributes(JsonElement element, string pointer, Dictionary<string, JsonElement?> attributes, ICollection<DefinitionError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DefinitionError(pointer, "'attributes' is an object of attribute names to values (null removes one)"));
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            var at = $"{pointer}/{JsonPointer.Escape(property.Name)}";
            if (!ProfileNames.IsAttributeName(property.Name))
            {
                errors.Add(new DefinitionError(at, $"'{property.Name}' is not a valid attribute name: use up to 64 letters, digits and '_', not starting with a digit"));
                continue;
            }

            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                    attributes[property.Name] = null;
                    break;
                case JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    attributes[property.Name] = value.Clone();
                    break;
                case JsonValueKind.Array when value.GetArrayLength() <= CustomerProfile.MaxArrayLength
                    && value.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False):
                    attributes[property.Name] = value.Clone();
                    break;
                default:
                    errors.Add(new DefinitionError(at, $"an attribute is a string, number, boolean or an array of at most {CustomerProfile.MaxArrayLength} of them (null removes it)"));
                    break;
            }
        }
    }

    private static void ReadConsent(JsonElement element, string pointer, Dictionary<string, ProfileConsentChange?> consent, ICollection<DefinitionError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DefinitionError(pointer, "'consent' is an object of channel names to { \"status\": \"optIn\" | \"optOut\" } (null removes one)"));
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            var at = $"{pointer}/{JsonPointer.Escape(property.Name)}";
            if (!ProfileNames.IsChannel(property.Name))
            {
                errors.Add(new DefinitionError(at, $"'{property.Name}' is not a valid channel name: use up to 64 letters, digits, '_' and '-', starting with a letter or digit"));
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                consent[property.Name] = null;
                continue;
            }

            if (ProfileConsentChange.Read(property.Value, at, errors) is { } change)
            {
                consent[property.Name] = change;
            }
        }
    }
}
