using System.Text.Json;

namespace Orchestrator.Journeys;

/// <summary>
/// A customer touchpoint, as the engine sees it: a CloudEvent whose subject has already been
/// resolved to a customer id.
/// </summary>
/// <param name="Id">Unique per event; the dedupe key.</param>
/// <param name="Type">Event type, such as <c>payment.completed</c>.</param>
/// <param name="Source">The channel app that sent it.</param>
/// <param name="CustomerId">The customer the event is about.</param>
/// <param name="Time">When it happened, as the channel app says.</param>
/// <param name="Data">JSON payload, usually an object.</param>
public sealed record Touchpoint(string Id, string Type, string Source, string CustomerId, DateTimeOffset Time, JsonElement? Data)
{
    /// <summary>JSON payload; a JSON <c>null</c> is kept as no payload, so the touchpoint round-trips through JSON unchanged.</summary>
    public JsonElement? Data { get; init; } = Data is { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } ? null : Data;
}
