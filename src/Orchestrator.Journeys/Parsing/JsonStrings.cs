using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace Orchestrator.Journeys.Parsing;

/// <summary>Finds strings a parsed JSON document holds but cannot turn into text.</summary>
/// <remarks>
/// The parser accepts an escaped lone surrogate such as <c>"\ud800"</c> and only fails, by throwing, when the
/// string is read. Readers that promise never to throw check the whole document once, up front, with this.
/// </remarks>
public static class JsonStrings
{
    // As deep as any document the product reads; deeper ones are refused before they get here.
    private const int MaxDepth = 64;

    /// <summary>The pointer of the first string or property name that is not valid Unicode, or null when all are.</summary>
    /// <param name="root">The document's root.</param>
    /// <returns>The pointer (the object's, for a property name), or null.</returns>
    public static string? FindInvalid(JsonElement root) => AllReadable(root) ? null : FindInvalid(root, string.Empty);

    /// <summary>
    /// Where a document that is not valid UTF-8 goes wrong: the pointer of the first string (or, for a property name,
    /// object) holding the bad bytes, or the document's own pointer when they lie outside any string.
    /// </summary>
    /// <param name="utf8Json">A document that failed <see cref="System.Text.Unicode.Utf8.IsValid(ReadOnlySpan{byte})"/>.</param>
    /// <returns>The pointer; empty for the whole document.</returns>
    /// <remarks>
    /// The parser does not check the bytes inside strings until one is read, so the document parses and the
    /// strings are then read one by one; a document that does not parse is reported as a whole.
    /// </remarks>
    public static string LocateInvalidUtf8(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth });
            return FindInvalid(document.RootElement) ?? string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static string? FindInvalid(JsonElement element, string pointer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(() => element.GetString()) ? null : pointer;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name = "";
                    if (!Readable(() => name = property.Name))
                    {
                        return pointer;
                    }

                    if (FindInvalid(property.Value, JsonPointer.Append(pointer, name)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInvalid(item, JsonPointer.Append(pointer, index++)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    // The common case, a valid document, checked without building a string or a pointer: only an escaped string can
    // hold a lone surrogate, and only its escapes need decoding; raw bytes are checked as UTF-8 where they lie.
    private static bool AllReadable(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return RawReadable(JsonMarshal.GetRawUtf8Value(element)) || Readable(() => element.GetString());
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!(RawReadable(JsonMarshal.GetRawUtf8PropertyName(property)) || Readable(() => property.Name)) || !AllReadable(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!AllReadable(item))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    private static bool RawReadable(ReadOnlySpan<byte> raw) => !raw.Contains((byte)'\\') && Utf8.IsValid(raw);

    private static bool Readable(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
