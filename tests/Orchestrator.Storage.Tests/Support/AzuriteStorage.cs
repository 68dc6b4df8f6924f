using Orchestrator.Testing;

namespace Orchestrator.Storage.Tests.Support;

/// <summary>
/// Tables and queues of one test's own on a shared Azurite: a fresh name prefix per test, so tests never see
/// each other's rows or messages, and one Azurite still serves them all.
/// </summary>
/// <param name="azurite">The collection's Azurite.</param>
internal sealed class AzuriteStorage(AzuriteFixture azurite)
{
    public StorageOptions Options { get; } = new()
    {
        ConnectionString = azurite.ConnectionString,
        Prefix = "t" + Guid.NewGuid().ToString("N")[..12],
    };

    public AzureStorageAccount Account => field ??= new AzureStorageAccount(Options);

    public Task CreateAsync() => Account.EnsureCreatedAsync(CancellationToken.None);
}
