namespace Orchestrator.Durable.Testing.Storage;

/// <summary>The three Azure Storage services the backend's clients talk to.</summary>
internal enum StorageService
{
    Blob,
    Queue,
    Table,
}
