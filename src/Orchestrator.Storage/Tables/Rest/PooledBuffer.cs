using System.Buffers;

namespace Orchestrator.Storage.Tables.Rest;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}.Shared"/>: request bodies are written into it and
/// response bodies read into it, so a storage call leaves no body-sized garbage behind. Dispose returns the array.
/// </summary>
internal sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;
    private int _length;

    /// <summary>Rents a buffer of at least <paramref name="capacity"/> bytes.</summary>
    /// <param name="capacity">The expected size.</param>
    public PooledBuffer(int capacity = 4096) => _array = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _length);

    /// <summary>The bytes written so far.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _length);

    /// <summary>How many bytes were written.</summary>
    public int Length => _length;

    /// <summary>The underlying array (longer than <see cref="Length"/>).</summary>
    public byte[] Array => _array;

    /// <summary>Reads a whole stream into a new pooled buffer.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="sizeHint">Expected length, when known.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The buffer; the caller disposes it.</returns>
    public static async Task<PooledBuffer> ReadAllAsync(Stream stream, long? sizeHint, CancellationToken cancellationToken)
    {
        var buffer = new PooledBuffer((int)Math.Clamp(sizeHint ?? 4096, 256, 1 << 20));
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(2048);
                var read = await stream.ReadAsync(memory, cancellationToken);
                if (read == 0)
                {
                    return buffer;
                }

                buffer.Advance(read);
            }
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>Appends bytes.</summary>
    /// <param name="bytes">The bytes.</param>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        Advance(bytes.Length);
    }

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_length + count > _array.Length)
        {
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        }

        _length += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Grow(sizeHint);
        return _array.AsMemory(_length);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Grow(sizeHint);
        return _array.AsSpan(_length);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var array = _array;
        _array = [];
        _length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Grow(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_array.Length - _length >= needed)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _length + needed));
        _array.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }
}
