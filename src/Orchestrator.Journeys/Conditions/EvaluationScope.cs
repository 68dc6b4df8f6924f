using System.Text.Json;
using Orchestrator.Journeys.Customers;

namespace Orchestrator.Journeys.Conditions;

/// <summary>What conditions and templates can read: the current touchpoint, the trigger, variables, ids and the customer's profile.</summary>
/// <param name="Event">The touchpoint being applied; after a timer, the last touchpoint applied.</param>
/// <param name="Trigger">The touchpoint that started the instance.</param>
/// <param name="Vars">Instance variables (a JSON object), if any were set.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The journey version the instance runs.</param>
public readonly record struct EvaluationScope(
    Touchpoint? Event,
    Touchpoint? Trigger,
    JsonElement? Vars,
    string CustomerId,
    string InstanceId,
    string JourneyId,
    int Version)
{
    /// <summary>The customer's profile as the host read it; null when the host passed none (every profile field is missing).</summary>
    public CustomerProfile? Customer { get; init; }

    internal FieldValue Resolve(FieldPath path) => path.Root switch
    {
        FieldRoot.Event => ResolveTouchpoint(Event, path),
        FieldRoot.Trigger => ResolveTouchpoint(Trigger, path),
        FieldRoot.Vars => Vars is { } vars ? Walk(vars, path.SegmentArray) : FieldValue.Missing,
        FieldRoot.Customer => ResolveCustomer(path.SegmentArray),
        FieldRoot.Instance => FieldValue.FromString(InstanceId),
        FieldRoot.Journey => path.SegmentArray[0] == "version" ? FieldValue.FromNumber(Version) : FieldValue.FromString(JourneyId),
        _ => FieldValue.Missing,
    };

    private FieldValue ResolveCustomer(string[] segments)
    {
        if (segments[0] == "id")
        {
            return FieldValue.FromString(CustomerId);
        }

        if (Customer is not { } profile)
        {
            return FieldValue.Missing;
        }

        var facts = profile.Facts;
        return segments switch
        {
            ["attributes", var name, .. var rest] => profile.Attributes.TryGetValue(name, out var value) ? Walk(value, rest) : FieldValue.Missing,
            ["consent", var channel] => profile.ConsentFor(channel) is { } status
                ? FieldValue.FromString(status == ConsentStatus.OptIn ? "optIn" : "optOut")
                : FieldValue.Missing,
            ["facts", "lastTouchpointAt"] => facts.LastTouchpointAt is { } at ? FieldValue.FromInstant(at) : FieldValue.Missing,
            ["facts", "lastTouchpointType"] => FieldValue.FromString(facts.LastTouchpointType),
            ["facts", "lastChannel"] => FieldValue.FromString(facts.LastChannel),
            ["facts", "journeys"] => FieldValue.FromElement(JourneyIds(facts)),
            ["facts", "steps", var journey] => FieldValue.FromString(facts.Journeys.FirstOrDefault(j => j.JourneyId == journey)?.Step),
            ["facts", "outcomes", var journey] => facts.RecentOutcomes.LastOrDefault(o => o.JourneyId == journey) is { } ended
                ? FieldValue.FromString(JsonNamingPolicy.CamelCase.ConvertName(ended.Outcome.ToString()))
                : FieldValue.Missing,
            _ => FieldValue.Missing,
        };
    }

    // Built only when a condition reads it, so a profile costs nothing where journeys do not look.
    private static JsonElement JourneyIds(CustomerFacts facts)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var id in facts.Journeys.Select(j => j.JourneyId).Distinct(StringComparer.Ordinal))
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    private static FieldValue ResolveTouchpoint(Touchpoint? touchpoint, FieldPath path)
    {
        if (touchpoint is null)
        {
            return FieldValue.Missing;
        }

        return path.Attribute switch
        {
            TouchpointField.Id => FieldValue.FromString(touchpoint.Id),
            TouchpointField.Type => FieldValue.FromString(touchpoint.Type),
            TouchpointField.Source => FieldValue.FromString(touchpoint.Source),
            TouchpointField.Subject => FieldValue.FromString(touchpoint.CustomerId),
            TouchpointField.Time => FieldValue.FromInstant(touchpoint.Time),
            TouchpointField.Data => touchpoint.Data is { } data ? Walk(data, path.SegmentArray) : FieldValue.Missing,
            _ => FieldValue.Missing,
        };
    }

    private static FieldValue Walk(JsonElement element, string[] segments)
    {
        foreach (var segment in segments)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object when element.TryGetProperty(segment, out var child):
                    element = child;
                    break;
                case JsonValueKind.Array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength():
                    element = element[index];
                    break;
                default:
                    return FieldValue.Missing;
            }
        }

        return FieldValue.FromElement(element);
    }
}
