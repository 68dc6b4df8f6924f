using System.Text.Json;

namespace Orchestrator.Journeys.Tests.Support;

/// <summary>Small JSON helpers for building literals, payloads and templates in tests.</summary>
internal static class Json
{
    /// <summary>Parses JSON text into a detached element (safe to keep after the document is gone).</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Parses optional JSON text; null stays null.</summary>
    public static JsonElement? ParseOrNull(string? json) => json is null ? null : Parse(json);

    /// <summary>Re-serializes JSON text without whitespace, so two documents can be compared as strings.</summary>
    public static string Compact(string json) => JsonSerializer.Serialize(Parse(json));

    /// <summary>The compact text of an element, for comparisons.</summary>
    public static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
