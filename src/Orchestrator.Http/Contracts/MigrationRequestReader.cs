using System.Text.Json;
using Orchestrator.Application.Migrations;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Http.Contracts;

/// <summary>
/// Reads the body of <c>POST /api/journeys/{id}/migrations</c>:
/// <c>{ "from": 1, "to": 2, "steps": { "old": "new" }, "unmapped": { "end": "neutral", "reason": "migrated-out" }, "dryRun": true }</c>.
/// Every error names its JSON pointer.
/// </summary>
public static class MigrationRequestReader
{
    /// <summary>Largest body taken.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>Reads a request.</summary>
    /// <param name="journeyId">The journey in the address.</param>
    /// <param name="json">The body.</param>
    /// <param name="dryRun">Whether only a preview is asked for; true unless the body says <c>"dryRun": false</c>.</param>
    /// <param name="errors">Every error found.</param>
    /// <returns>The request, or null when there are errors.</returns>
    public static MigrationRequest? Read(string journeyId, string json, out bool dryRun, out IReadOnlyList<DefinitionError> errors)
    {
        dryRun = true;
        var found = new List<DefinitionError>();
        errors = found;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            found.Add(new DefinitionError("", $"not JSON: {exception.Message}"));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                found.Add(new DefinitionError("", "an object with from, to and steps"));
                return null;
            }

            var from = Version(root, "from", found);
            var to = Version(root, "to", found);
            var steps = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!root.TryGetProperty("steps", out var map) || map.ValueKind != JsonValueKind.Object)
            {
                found.Add(new DefinitionError("/steps", "an object mapping each old step id to a new step id"));
            }
            else
            {
                foreach (var step in map.EnumerateObject())
                {
                    if (step.Value.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(step.Value.GetString()))
                    {
                        found.Add(new DefinitionError("/steps/" + Escape(step.Name), "a step id of the new version"));
                    }
                    else
                    {
                        steps[step.Name] = step.Value.GetString()!;
                    }
                }
            }

            var unmapped = Unmapped(root, found);
            if (root.TryGetProperty("dryRun", out var dry))
            {
                if (dry.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    dryRun = dry.GetBoolean();
                }
                else
                {
                    found.Add(new DefinitionError("/dryRun", "true or false"));
                }
            }

            return found.Count == 0 ? new MigrationRequest(journeyId, from, to, steps, unmapped) : null;
        }
    }

    private static int Version(JsonElement root, string name, List<DefinitionError> errors)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var version) && version >= 1)
        {
            return version;
        }

        errors.Add(new DefinitionError("/" + name, "a version number, 1 or more"));
        return 0;
    }

    private static UnmappedInstances? Unmapped(JsonElement root, List<DefinitionError> errors)
    {
        if (!root.TryGetProperty("unmapped", out var unmapped) || unmapped.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var outcomes = string.Join(", ", Enum.GetNames<JourneyOutcome>().Select(JsonNamingPolicy.CamelCase.ConvertName));
        if (unmapped.ValueKind != JsonValueKind.Object
            || !unmapped.TryGetProperty("end", out var end)
            || end.ValueKind != JsonValueKind.String
            || !Enum.TryParse<JourneyOutcome>(end.GetString(), ignoreCase: true, out var outcome)
            || int.TryParse(end.GetString(), out _))
        {
            errors.Add(new DefinitionError("/unmapped/end", $"the outcome instances at an unmapped step end with: one of {outcomes}"));
            return null;
        }

        if (!unmapped.TryGetProperty("reason", out var reason) || reason.ValueKind == JsonValueKind.Null)
        {
            return new UnmappedInstances(outcome, UnmappedInstances.DefaultReason);
        }

        if (reason.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(reason.GetString()))
        {
            errors.Add(new DefinitionError("/unmapped/reason", "the reason recorded, a non-blank string"));
            return null;
        }

        return new UnmappedInstances(outcome, reason.GetString()!);
    }

    // RFC 6901: '~' and '/' in a key are escaped in a JSON pointer.
    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
