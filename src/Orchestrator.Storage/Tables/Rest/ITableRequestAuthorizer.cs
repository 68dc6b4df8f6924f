namespace Orchestrator.Storage.Tables.Rest;

/// <summary>Signs a Table service request before each attempt: a shared key, or a bearer token from an identity.</summary>
internal interface ITableRequestAuthorizer
{
    /// <summary>Adds the authorization (and any date header it signs) to the request.</summary>
    /// <param name="request">The request, complete but for its authorization.</param>
    /// <param name="cancellationToken">Cancels a token fetch.</param>
    /// <returns>A task that completes when the request is signed.</returns>
    ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
