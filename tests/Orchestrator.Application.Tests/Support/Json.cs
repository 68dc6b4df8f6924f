using System.Text.Json;

namespace Orchestrator.Application.Tests.Support;

/// <summary>JSON helpers for payloads and assertions.</summary>
internal static class Json
{
    /// <summary>Parses JSON text into a detached element.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Parses optional JSON text; null stays null.</summary>
    public static JsonElement? ParseOrNull(string? json) => json is null ? null : Parse(json);

    /// <summary>UTF-8 bytes of a text, as a request body arrives.</summary>
    public static ReadOnlyMemory<byte> Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
