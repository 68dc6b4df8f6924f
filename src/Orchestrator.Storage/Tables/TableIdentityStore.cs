using Azure.Data.Tables;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Tables;

/// <summary><see cref="IIdentityStore"/> on the <c>identities</c> table: one row per alias.</summary>
/// <param name="identities">The <c>identities</c> table.</param>
internal sealed class TableIdentityStore(TableGateway identities) : IIdentityStore
{
    /// <inheritdoc />
    public async Task<string?> ResolveAsync(string customerAlias, CancellationToken cancellationToken)
    {
        var entity = await identities.GetAsync(KeyEncoding.Encode(customerAlias), "", cancellationToken);
        return entity?.GetString("CustomerId");
    }

    /// <inheritdoc />
    public Task LinkAsync(string customerAlias, string customerId, CancellationToken cancellationToken)
    {
        // An upsert: the latest link wins, as the port promises.
        var entity = new TableEntity(KeyEncoding.Encode(customerAlias), "")
        {
            ["Alias"] = customerAlias,
            ["CustomerId"] = customerId,
        };
        return identities.UpsertAsync(entity, cancellationToken);
    }
}
