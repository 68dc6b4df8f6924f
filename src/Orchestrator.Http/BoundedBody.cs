namespace Orchestrator.Http;

/// <summary>Reads a request body up to a limit, never holding more than the limit in memory.</summary>
public static class BoundedBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Reads the whole body, or stops as soon as it is longer than <paramref name="maxBytes"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The body, or null when it is longer than the limit.</returns>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var capacity = (int)Math.Min(request.ContentLength ?? ChunkBytes, maxBytes);
        using var body = new MemoryStream(capacity);
        var chunk = new byte[ChunkBytes];
        while (true)
        {
            var read = await request.Body.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return body.ToArray();
            }

            if (body.Length + read > maxBytes)
            {
                return null;
            }

            body.Write(chunk, 0, read);
        }
    }
}
