using Microsoft.AspNetCore.Http;

namespace Orchestrator.Http.Tests;

public sealed class BoundedBodyTests
{
    [Fact]
    public async Task ReadAsync_BodyAtTheLimit_ReturnsIt()
    {
        var request = Request(new byte[100], contentLength: 100);

        var body = await BoundedBody.ReadAsync(request, 100, CancellationToken.None);

        Assert.Equal(100, body?.Length);
    }

    [Fact]
    public async Task ReadAsync_EmptyBody_ReturnsEmpty()
    {
        var body = await BoundedBody.ReadAsync(Request([], contentLength: null), 100, CancellationToken.None);

        Assert.Equal(0, body?.Length);
    }

    [Fact]
    public async Task ReadAsync_ContentLengthOverTheLimit_ReturnsNullWithoutReading()
    {
        var stream = new MemoryStream(new byte[10]);
        var request = Request(stream, contentLength: 101);

        var body = await BoundedBody.ReadAsync(request, 100, CancellationToken.None);

        Assert.Null(body);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task ReadAsync_ChunkedBodyOverTheLimit_ReturnsNullAndStopsReadingPastIt()
    {
        // No Content-Length, as a chunked request: the limit is found by reading, in 16 KiB chunks at most.
        var stream = new MemoryStream(new byte[1024 * 1024]);
        var request = Request(stream, contentLength: null);

        var body = await BoundedBody.ReadAsync(request, 20 * 1024, CancellationToken.None);

        Assert.Null(body);
        Assert.True(stream.Position <= 32 * 1024, $"read {stream.Position} bytes of an over-limit body; expected to stop after two chunks");
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthArrivingInPieces_ReturnsAllOfIt()
    {
        var sent = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();
        var request = Request(new TrickleStream(sent, piece: 7), contentLength: sent.Length);

        var body = await BoundedBody.ReadAsync(request, 10_000, CancellationToken.None);

        Assert.Equal(sent, body?.ToArray());
    }

    private static HttpRequest Request(byte[] body, long? contentLength) => Request(new MemoryStream(body), contentLength);

    private static HttpRequest Request(Stream body, long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body;
        context.Request.ContentLength = contentLength;
        return context.Request;
    }

    // Hands out at most a few bytes per read, as a network stream may.
    private sealed class TrickleStream(byte[] content, int piece) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(piece, buffer.Length)], cancellationToken);
    }
}
