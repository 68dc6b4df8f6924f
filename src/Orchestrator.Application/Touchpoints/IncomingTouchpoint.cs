using System.Text.Json;

namespace Orchestrator.Application.Touchpoints;

/// <summary>A validated CloudEvent whose subject is not resolved to a customer yet.</summary>
/// <param name="Id">Event id (the dedupe key).</param>
/// <param name="Type">Event type.</param>
/// <param name="Source">Channel app.</param>
/// <param name="Subject">Customer id or alias.</param>
/// <param name="Time">Event time, when the channel app gave one.</param>
/// <param name="Data">JSON object payload.</param>
/// <param name="StructuredJson">The event in structured-mode JSON, for queues and the poison store.</param>
public sealed record IncomingTouchpoint(
    string Id,
    string Type,
    string Source,
    string Subject,
    DateTimeOffset? Time,
    JsonElement? Data,
    string StructuredJson);
