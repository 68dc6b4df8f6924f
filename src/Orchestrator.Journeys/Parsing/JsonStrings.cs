using System.Text.Json;

namespace Orchestrator.Journeys.Parsing;

/// <summary>Finds strings a parsed JSON document holds but cannot turn into text.</summary>
/// <remarks>
/// The parser accepts an escaped lone surrogate such as <c>"\ud800"</c> and only fails, by throwing, when the
/// string is read. Readers that promise never to throw check the whole document once, up front, with this.
/// </remarks>
public static class JsonStrings
{
    /// <summary>The pointer of the first string or property name that is not valid Unicode, or null when all are.</summary>
    /// <param name="root">The document's root.</param>
    /// <returns>The pointer (the object's, for a property name), or null.</returns>
    public static string? FindInvalid(JsonElement root) => FindInvalid(root, string.Empty);

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
