namespace Orchestrator.Storage.Tables.Rest;

/// <summary>
/// Reads an entity-group transaction's <c>multipart/mixed</c> answer (202) for the one thing the caller needs: whether
/// an operation failed, and with what. Scans the bytes for the parts' status lines; no string per line.
/// </summary>
internal static class EntityGroupResponse
{
    /// <summary>The first failed operation's status and error body, if any.</summary>
    /// <param name="body">The whole response body.</param>
    /// <returns>Null when every operation succeeded.</returns>
    public static (int Status, ReadOnlyMemory<byte> ErrorBody)? FirstFailure(ReadOnlyMemory<byte> body)
    {
        var span = body.Span;
        var offset = 0;
        while (true)
        {
            var found = span[offset..].IndexOf("HTTP/1.1 "u8);
            if (found < 0)
            {
                return null;
            }

            var start = offset + found + "HTTP/1.1 "u8.Length;
            if (start + 3 > span.Length)
            {
                return null;
            }

            var status = Digit(span[start]) * 100 + Digit(span[start + 1]) * 10 + Digit(span[start + 2]);
            offset = start + 3;
            if (status < 400)
            {
                continue;
            }

            // The part's body starts after its blank line and ends where the next boundary line begins.
            var headersEnd = span[offset..].IndexOf("\r\n\r\n"u8);
            if (headersEnd < 0)
            {
                return (status, ReadOnlyMemory<byte>.Empty);
            }

            var bodyStart = offset + headersEnd + 4;
            var bodyEnd = span[bodyStart..].IndexOf("\r\n--"u8);
            return (status, body[bodyStart..(bodyEnd < 0 ? span.Length : bodyStart + bodyEnd)]);
        }
    }

    private static int Digit(byte b) => b is >= (byte)'0' and <= (byte)'9'
        ? b - '0'
        : throw new InvalidDataException("The Table service's transaction answer has a malformed status line.");
}
