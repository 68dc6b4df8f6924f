using System.Collections.Concurrent;
using Orchestrator.Application.Ports;

namespace Orchestrator.Storage.Memory;

/// <summary><see cref="IIdentityStore"/> in memory. Thread-safe.</summary>
public sealed class InMemoryIdentityStore : IIdentityStore
{
    private readonly ConcurrentDictionary<string, string> _customers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<string?> ResolveAsync(string customerAlias, CancellationToken cancellationToken) =>
        Task.FromResult(_customers.TryGetValue(customerAlias, out var customerId) ? customerId : null);

    /// <inheritdoc />
    public Task LinkAsync(string customerAlias, string customerId, CancellationToken cancellationToken)
    {
        _customers[customerAlias] = customerId;
        return Task.CompletedTask;
    }
}
