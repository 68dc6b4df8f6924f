using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Application.Telemetry;

/// <summary>
/// The CloudEvents distributed tracing extension (<c>traceparent</c>, <c>tracestate</c>) on a structured-mode event:
/// how a touchpoint's trace crosses the <c>touchpoints</c> queue. Read and written only while a listener samples the
/// journey spans, so it costs nothing otherwise.
/// </summary>
internal static class TraceParent
{
    private const string ParentAttribute = "traceparent";
    private const string StateAttribute = "tracestate";

    /// <summary>The context a queued event carries, when tracing is on and it carries one.</summary>
    /// <param name="structuredJson">The event as queued.</param>
    /// <returns>The context, or default when there is none (a new trace starts).</returns>
    public static ActivityContext Read(string structuredJson)
    {
        if (!JourneyTracing.Source.HasListeners())
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(structuredJson);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty(ParentAttribute, out var parent) && parent.ValueKind == JsonValueKind.String
                && ActivityContext.TryParse(parent.GetString(), State(root), isRemote: true, out var context)
                    ? context
                    : default;
        }
        catch (JsonException)
        {
            // The reader reports the event as invalid; tracing only gives up its parent.
            return default;
        }
    }

    /// <summary>The event with the current span's context written in, so the queue loop continues its trace.</summary>
    /// <param name="structuredJson">The event to queue.</param>
    /// <returns>The event to queue: unchanged when no span is current.</returns>
    public static string Write(string structuredJson)
    {
        if (Activity.Current is not { } current || JsonNode.Parse(structuredJson) is not JsonObject cloudEvent)
        {
            return structuredJson;
        }

        cloudEvent[ParentAttribute] = current.Id;
        if (current.TraceStateString is { Length: > 0 } state)
        {
            cloudEvent[StateAttribute] = state;
        }

        return cloudEvent.ToJsonString();
    }

    private static string? State(JsonElement root) =>
        root.TryGetProperty(StateAttribute, out var state) && state.ValueKind == JsonValueKind.String ? state.GetString() : null;
}
