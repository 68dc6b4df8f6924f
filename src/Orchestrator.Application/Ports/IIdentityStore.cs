namespace Orchestrator.Application.Ports;

/// <summary>Customer aliases (such as <c>email:ann@example.com</c>) and the customer each one belongs to.</summary>
public interface IIdentityStore
{
    /// <summary>Finds the customer an alias belongs to.</summary>
    /// <param name="customerAlias">The alias.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The customer id, or null when the alias is not linked.</returns>
    Task<string?> ResolveAsync(string customerAlias, CancellationToken cancellationToken);

    /// <summary>Links an alias to a customer (the latest link wins).</summary>
    /// <param name="customerAlias">The alias.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when durable.</returns>
    Task LinkAsync(string customerAlias, string customerId, CancellationToken cancellationToken);
}
