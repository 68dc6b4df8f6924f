namespace Orchestrator.Hosting;

/// <summary>Where the runtime keeps its state (<c>Storage:Mode</c>).</summary>
public enum StorageMode
{
    /// <summary>Azure Table and Queue storage (Azurite locally): the default, and the only mode that survives a restart.</summary>
    Tables,

    /// <summary>
    /// This process's memory: nothing survives a restart and actions stay in the process. For measuring the host
    /// without storage round trips and for trying journeys without Azurite; never for production.
    /// </summary>
    Memory,
}
