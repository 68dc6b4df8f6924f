using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Storage.Tables.Rest;

/// <summary>
/// Signs requests with the account key as the Table service's SharedKeyLite scheme asks, as the Azure SDK's
/// <c>TableSharedKeyPipelinePolicy</c> does: an HMAC-SHA256 of <c>{x-ms-date}\n/{account}{escaped path}</c>.
/// </summary>
/// <remarks>
/// The path is the request URI's escaped absolute path, so Azurite's path-style URIs sign as
/// <c>/devstoreaccount1/devstoreaccount1/table…</c>. The query is left out: only a <c>comp</c> parameter would be
/// signed, and the entity and batch calls have none.
/// </remarks>
internal sealed class SharedKeyLiteAuthorizer : ITableRequestAuthorizer
{
    private readonly string _accountName;
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <summary>Signs for one account.</summary>
    /// <param name="accountName">The account name.</param>
    /// <param name="base64Key">The account key, base64 as in the connection string.</param>
    /// <param name="time">The clock for <c>x-ms-date</c>.</param>
    public SharedKeyLiteAuthorizer(string accountName, string base64Key, TimeProvider time)
    {
        _accountName = accountName;
        _key = Convert.FromBase64String(base64Key);
        _time = time;
    }

    /// <inheritdoc />
    public ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var date = _time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("x-ms-date", date);
        var signature = Sign(date, request.RequestUri!.AbsolutePath);
        request.Headers.TryAddWithoutValidation("Authorization", string.Concat("SharedKeyLite ", _accountName, ":", signature));
        return ValueTask.CompletedTask;
    }

    /// <summary>The signature of one request.</summary>
    /// <param name="date">The <c>x-ms-date</c> value (RFC 1123).</param>
    /// <param name="absolutePath">The request URI's escaped absolute path.</param>
    /// <returns>The base64 HMAC.</returns>
    public string Sign(string date, string absolutePath)
    {
        // "{date}\n/{account}{path}", UTF-8: short enough for the stack.
        var length = Encoding.UTF8.GetMaxByteCount(date.Length + 2 + _accountName.Length + absolutePath.Length);
        var rented = length <= 1024 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        var buffer = rented ?? stackalloc byte[1024];
        try
        {
            var written = Encoding.UTF8.GetBytes(date, buffer);
            buffer[written++] = (byte)'\n';
            buffer[written++] = (byte)'/';
            written += Encoding.UTF8.GetBytes(_accountName, buffer[written..]);
            written += Encoding.UTF8.GetBytes(absolutePath, buffer[written..]);
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(_key, buffer[..written], hash);
            return Convert.ToBase64String(hash);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
