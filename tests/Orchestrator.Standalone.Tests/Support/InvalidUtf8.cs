using System.Net.Http.Headers;
using System.Text;

namespace Orchestrator.Standalone.Tests.Support;

/// <summary>JSON bodies with raw bytes that are not UTF-8, which no string can hold, so they are written as bytes.</summary>
public static class InvalidUtf8
{
    /// <summary>A stray continuation byte: never valid on its own.</summary>
    public const byte StrayByte = 0xFF;

    /// <summary>The JSON as UTF-8 with the first byte of <paramref name="marker"/> replaced by <see cref="StrayByte"/>.</summary>
    /// <param name="json">The document.</param>
    /// <param name="marker">Text that occurs once in it, inside a string.</param>
    /// <returns>An application/json body.</returns>
    public static ByteArrayContent Content(string json, string marker)
    {
        ArgumentNullException.ThrowIfNull(json);
        var at = json.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0 && json.IndexOf(marker, at + 1, StringComparison.Ordinal) < 0, $"'{marker}' should occur once in the document");
        var bytes = Encoding.UTF8.GetBytes(json);
        bytes[Encoding.UTF8.GetByteCount(json.AsSpan(0, at))] = StrayByte;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
