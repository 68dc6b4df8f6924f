namespace Orchestrator.Storage.Memory;

/// <summary>Nothing to create in memory; registered so hosts run the same start-up either way.</summary>
internal sealed class InMemoryStorageInitializer : IStorageInitializer
{
    /// <inheritdoc />
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
