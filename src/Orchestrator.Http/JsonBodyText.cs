using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Http;

/// <summary>Turns a JSON request body into text, refusing bytes that are not UTF-8 rather than replacing them with U+FFFD.</summary>
/// <remarks>
/// A lenient decode would store a definition whose text differs from what the designer sent, silently; the caller
/// answers 400 with the error's pointer instead.
/// </remarks>
public static class JsonBodyText
{
    /// <summary>Decodes the body when it is valid UTF-8.</summary>
    /// <param name="body">The body's bytes.</param>
    /// <param name="text">The text, when valid.</param>
    /// <param name="error">Otherwise the error, at the pointer of the first string holding the bad bytes.</param>
    /// <returns>Whether the body is valid UTF-8.</returns>
    public static bool TryDecode(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out DefinitionError? error)
    {
        // Editors on Windows often save a byte order mark, which is no part of the JSON text.
        var bytes = body.Span.StartsWith("\uFEFF"u8) ? body.Span[3..] : body.Span;
        if (Utf8.IsValid(bytes))
        {
            text = Encoding.UTF8.GetString(bytes);
            error = null;
            return true;
        }

        text = null;
        error = new DefinitionError(JsonStrings.LocateInvalidUtf8(bytes), "is not valid UTF-8");
        return false;
    }
}
