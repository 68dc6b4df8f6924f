using System.Globalization;
using System.Text.Json;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Journeys.Simulation;

/// <summary>Reads a scenario script (see <c>docs/language.md</c>, "Scenario scripts"), reporting every problem with its JSON pointer.</summary>
public static class SimulationScriptReader
{
    private static readonly HashSet<string> TopLevel = ["$schema", "journey", "description", "customerId", "start", "events", "runFor", "expect", "customer", "arms"];
    private static readonly HashSet<string> EventProperties = ["at", "type", "id", "source", "data", "description"];
    private static readonly HashSet<string> ExpectProperties = ["outcome", "actions", "steps"];
    private static readonly HashSet<string> ArmProperties = ["instances", "goals"];

    /// <summary>Reads a script.</summary>
    /// <param name="json">The script document.</param>
    /// <param name="errors">Every problem found.</param>
    /// <returns>The script, or null when there were errors.</returns>
    public static SimulationScript? Read(string json, out IReadOnlyList<DefinitionError> errors)
    {
        var found = new List<DefinitionError>();
        errors = found;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            found.Add(new DefinitionError(string.Empty, exception.Message));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                found.Add(new DefinitionError(string.Empty, "a scenario script is a JSON object"));
                return null;
            }

            RejectUnknown(root, string.Empty, TopLevel, found);
            var customerId = OptionalString(root, "customerId", string.Empty, found) ?? "customer-1";
            var start = root.TryGetProperty("start", out var startValue) ? Instant(startValue, "/start", found) : (DateTimeOffset?)null;
            if (start is null && !root.TryGetProperty("start", out _))
            {
                found.Add(new DefinitionError(string.Empty, "missing required property 'start'"));
            }

            var origin = start ?? DateTimeOffset.UnixEpoch;
            var events = ReadEvents(root, origin, found);
            var runFor = root.TryGetProperty("runFor", out var runForValue) ? Duration(runForValue, "/runFor", found) : SimulationScript.DefaultRunFor;
            var expect = root.TryGetProperty("expect", out var expectValue) ? ReadExpectation(expectValue, found) : null;
            var journey = OptionalString(root, "journey", string.Empty, found);
            var description = OptionalString(root, "description", string.Empty, found);
            var customer = root.TryGetProperty("customer", out var customerValue) ? Customers.ProfileChange.Read(customerValue, "/customer", found) : null;
            var arms = ReadArms(root, found);

            return found.Count == 0
                ? new SimulationScript(customerId, origin, events, runFor ?? SimulationScript.DefaultRunFor, expect, journey, description) { Customer = customer, Arms = arms }
                : null;
        }
    }

    private static List<SimulationEvent> ReadEvents(JsonElement root, DateTimeOffset origin, List<DefinitionError> errors)
    {
        var events = new List<SimulationEvent>();
        if (!root.TryGetProperty("events", out var array))
        {
            errors.Add(new DefinitionError(string.Empty, "missing required property 'events'"));
            return events;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new DefinitionError("/events", "must be an array"));
            return events;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var pointer = $"/events/{index++}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new DefinitionError(pointer, "an event is an object"));
                continue;
            }

            RejectUnknown(item, pointer, EventProperties, errors);
            var type = OptionalString(item, "type", pointer, errors);
            if (type is null && !item.TryGetProperty("type", out _))
            {
                errors.Add(new DefinitionError(pointer, "missing required property 'type'"));
            }

            DateTimeOffset? at = item.TryGetProperty("at", out var atValue) ? Offset(atValue, origin, $"{pointer}/at", errors) : null;
            if (!item.TryGetProperty("at", out _))
            {
                errors.Add(new DefinitionError(pointer, "missing required property 'at'"));
            }

            if (at is { } when && events.Count > 0 && when < events[^1].At)
            {
                errors.Add(new DefinitionError($"{pointer}/at", "events must be in time order"));
            }

            var data = item.TryGetProperty("data", out var dataValue) ? dataValue.Clone() : (JsonElement?)null;
            if (type is not null && at is not null)
            {
                events.Add(new SimulationEvent(at.Value, type, OptionalString(item, "id", pointer, errors), OptionalString(item, "source", pointer, errors), data));
            }
        }

        return events;
    }

    // "arms": { "{step}/{label}": { "instances": 120, "goals": 18 } }: the figures optimize steps start from.
    private static Dictionary<string, ArmFigures> ReadArms(JsonElement root, List<DefinitionError> errors)
    {
        var arms = new Dictionary<string, ArmFigures>(StringComparer.Ordinal);
        if (!root.TryGetProperty("arms", out var value))
        {
            return arms;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DefinitionError("/arms", "must be an object of \"{step}/{label}\": { \"instances\": n, \"goals\": n }"));
            return arms;
        }

        foreach (var arm in value.EnumerateObject())
        {
            var pointer = JsonPointer.Append("/arms", arm.Name);
            if (arm.Value.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new DefinitionError(pointer, "must be an object { \"instances\": n, \"goals\": n }"));
                continue;
            }

            RejectUnknown(arm.Value, pointer, ArmProperties, errors);
            var instances = Count(arm.Value, "instances", pointer, errors);
            var goals = Count(arm.Value, "goals", pointer, errors);
            if (instances is { } n && goals is { } g)
            {
                if (g > n)
                {
                    errors.Add(new DefinitionError($"{pointer}/goals", "must not be more than 'instances'"));
                }

                arms[arm.Name] = new ArmFigures(n, g);
            }
        }

        return arms;
    }

    private static long? Count(JsonElement parent, string name, string pointer, List<DefinitionError> errors)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count) && count >= 0)
        {
            return count;
        }

        errors.Add(new DefinitionError($"{pointer}/{name}", "must be a whole number, zero or more"));
        return null;
    }

    private static SimulationExpectation? ReadExpectation(JsonElement value, List<DefinitionError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DefinitionError("/expect", "must be an object"));
            return null;
        }

        RejectUnknown(value, "/expect", ExpectProperties, errors);
        return new SimulationExpectation(
            OptionalString(value, "outcome", "/expect", errors),
            StringList(value, "actions", errors),
            StringList(value, "steps", errors));
    }

    private static List<string>? StringList(JsonElement parent, string name, List<DefinitionError> errors)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            errors.Add(new DefinitionError($"/expect/{name}", "must be an array of strings"));
            return null;
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }

    private static DateTimeOffset? Offset(JsonElement value, DateTimeOffset origin, string pointer, List<DefinitionError> errors)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && text.StartsWith('P'))
        {
            return Duration(value, pointer, errors) is { } offset ? origin + offset : null;
        }

        return Instant(value, pointer, errors);
    }

    private static DateTimeOffset? Instant(JsonElement value, string pointer, List<DefinitionError> errors)
    {
        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        errors.Add(new DefinitionError(pointer, "must be an ISO 8601 date-time (or, for 'at', a duration from 'start')"));
        return null;
    }

    private static TimeSpan? Duration(JsonElement value, string pointer, List<DefinitionError> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new DefinitionError(pointer, "must be an ISO 8601 duration such as P3D"));
            return null;
        }

        if (Iso8601Duration.TryParse(value.GetString()!, out var duration, out var error))
        {
            return duration;
        }

        errors.Add(new DefinitionError(pointer, error));
        return null;
    }

    private static string? OptionalString(JsonElement parent, string name, string pointer, List<DefinitionError> errors)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new DefinitionError($"{pointer}/{name}", "must be a string"));
            return null;
        }

        return value.GetString();
    }

    private static void RejectUnknown(JsonElement element, string pointer, HashSet<string> known, List<DefinitionError> errors)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                errors.Add(new DefinitionError(JsonPointer.Append(pointer, property.Name), $"unknown property '{property.Name}'"));
            }
        }
    }
}
