using System.Globalization;
using System.Text.Json;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Customers;

/// <summary>One channel's consent as a profile change sets it: <c>{ "status": "optOut", "at": "…", "source": "…" }</c>.</summary>
/// <param name="Status">Opted in or out.</param>
/// <param name="At">When, if the change says; otherwise the change's own time.</param>
/// <param name="Source">Who recorded it, if the change says; otherwise the touchpoint's source (or <c>api</c>).</param>
public sealed record ProfileConsentChange(ConsentStatus Status, DateTimeOffset? At, string? Source)
{
    /// <summary>Reads one channel's consent, reporting problems with their pointers.</summary>
    /// <param name="element">The consent object.</param>
    /// <param name="pointer">Its pointer.</param>
    /// <param name="errors">Receives the problems.</param>
    /// <returns>The consent, or null when there were problems.</returns>
    public static ProfileConsentChange? Read(JsonElement element, string pointer, ICollection<DefinitionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DefinitionError(pointer, "a consent is an object: { \"status\": \"optIn\" | \"optOut\", \"at\"?, \"source\"? }"));
            return null;
        }

        var before = errors.Count;
        ConsentStatus? status = null;
        DateTimeOffset? at = null;
        string? source = null;
        foreach (var property in element.EnumerateObject())
        {
            var where = $"{pointer}/{JsonPointer.Escape(property.Name)}";
            var value = property.Value;
            switch (property.Name)
            {
                case "status" when value.ValueKind == JsonValueKind.String && value.GetString() is "optIn" or "optOut":
                    status = value.GetString() == "optIn" ? ConsentStatus.OptIn : ConsentStatus.OptOut;
                    break;
                case "status":
                    errors.Add(new DefinitionError(where, "must be \"optIn\" or \"optOut\""));
                    break;
                case "at" when value.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant):
                    at = instant;
                    break;
                case "at":
                    errors.Add(new DefinitionError(where, "must be an ISO 8601 instant"));
                    break;
                case "source" when value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 256 } text:
                    source = text;
                    break;
                case "source":
                    errors.Add(new DefinitionError(where, "must be a string of 1 to 256 characters"));
                    break;
                default:
                    errors.Add(new DefinitionError(where, $"unknown property '{property.Name}': a consent has 'status', 'at' and 'source'"));
                    break;
            }
        }

        if (status is null && errors.Count == before)
        {
            errors.Add(new DefinitionError(pointer, "missing required property 'status'"));
        }

        return errors.Count == before && status is { } known ? new ProfileConsentChange(known, at, source) : null;
    }
}
