using System.Text.Json;

namespace Orchestrator.Journeys.Conditions;

/// <summary>What conditions and templates can read: the current touchpoint, the trigger, variables and ids.</summary>
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
    internal FieldValue Resolve(FieldPath path) => path.Root switch
    {
        FieldRoot.Event => ResolveTouchpoint(Event, path),
        FieldRoot.Trigger => ResolveTouchpoint(Trigger, path),
        FieldRoot.Vars => Vars is { } vars ? Walk(vars, path.SegmentArray) : FieldValue.Missing,
        FieldRoot.Customer => FieldValue.FromString(CustomerId),
        FieldRoot.Instance => FieldValue.FromString(InstanceId),
        FieldRoot.Journey => path.SegmentArray[0] == "version" ? FieldValue.FromNumber(Version) : FieldValue.FromString(JourneyId),
        _ => FieldValue.Missing,
    };

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
