using System.Buffers;

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
        ArgumentNullException.ThrowIfNull(request);
        return request.ContentLength switch
        {
            > 0 and var length when length > maxBytes => null,
            > 0 and var length => await ReadExactlyAsync(request.Body, (int)length, cancellationToken),
            _ => await ReadChunkedAsync(request.Body, maxBytes, cancellationToken),
        };
    }

    // The usual case, a touchpoint with its length declared: one array of exactly that size, no copies. The server ends
    // the body at the declared length, so nothing past it can arrive.
    private static async Task<ReadOnlyMemory<byte>> ReadExactlyAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var buffer = new byte[length];
        var filled = 0;
        while (filled < length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return buffer.AsMemory(0, filled);
    }

    private static async Task<ReadOnlyMemory<byte>?> ReadChunkedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken);
                if (read == 0)
                {
                    return content.ToArray();
                }

                if (content.Length + read > maxBytes)
                {
                    return null;
                }

                content.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
