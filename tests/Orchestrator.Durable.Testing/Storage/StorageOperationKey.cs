namespace Orchestrator.Durable.Testing.Storage;

/// <summary>A kind of storage operation: what it did to which resource of the task hub.</summary>
/// <param name="Resource">The resource, by its role in the task hub.</param>
/// <param name="Operation">What was done to it.</param>
public readonly record struct StorageOperationKey(StorageResource Resource, StorageOperation Operation)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Resource} {Operation}";
}
