using Azure.Core;

namespace Orchestrator.Storage.Tables.Rest;

/// <summary>
/// Authorizes requests with a Microsoft Entra token for Azure Storage from the same credential the SDK clients use,
/// fetched once and reused until five minutes before it expires (or from when the credential says to refresh).
/// </summary>
/// <param name="credential">The identity.</param>
/// <param name="time">The clock that decides when the token is stale.</param>
internal sealed class BearerTokenAuthorizer(TokenCredential credential, TimeProvider time) : ITableRequestAuthorizer, IDisposable
{
    /// <summary>The scope of Azure Storage's data plane.</summary>
    public const string Scope = "https://storage.azure.com/.default";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private static readonly TokenRequestContext Context = new([Scope]);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CachedToken? _token;

    /// <inheritdoc />
    public async ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = _token;
        if (token is null || Stale(token))
        {
            token = await RefreshAsync(cancellationToken);
        }

        request.Headers.TryAddWithoutValidation("Authorization", token.Header);
    }

    /// <inheritdoc />
    public void Dispose() => _refresh.Dispose();

    private bool Stale(CachedToken token) => time.GetUtcNow() >= token.RefreshAt;

    private async Task<CachedToken> RefreshAsync(CancellationToken cancellationToken)
    {
        // One fetch at a time: callers that waited find the fresh token.
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } current && !Stale(current))
            {
                return current;
            }

            var access = await credential.GetTokenAsync(Context, cancellationToken);
            var refreshAt = access.RefreshOn ?? access.ExpiresOn - RefreshMargin;
            var token = new CachedToken("Bearer " + access.Token, refreshAt);
            _token = token;
            return token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record CachedToken(string Header, DateTimeOffset RefreshAt);
}
