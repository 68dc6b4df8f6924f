namespace Orchestrator.Durable.Testing.Storage;

/// <summary>What a storage request of the Durable Task Azure Storage backend touched, named by its role in the task hub.</summary>
public enum StorageResource
{
    /// <summary>A control queue (<c>{hub}-control-NN</c>): orchestration messages — starts, events, activity results, timers.</summary>
    ControlQueue,

    /// <summary>The work-item queue (<c>{hub}-workitems</c>): activity invocations.</summary>
    WorkItemQueue,

    /// <summary>Another queue, or the queue service itself.</summary>
    OtherQueue,

    /// <summary>The history table (<c>{hub}History</c>): one row per history event, plus a sentinel row per instance.</summary>
    HistoryTable,

    /// <summary>The instances table (<c>{hub}Instances</c>): one row per instance, its status, input, output and custom status.</summary>
    InstancesTable,

    /// <summary>The partitions table (<c>{hub}Partitions</c>): control-queue ownership leases, renewed in the background.</summary>
    PartitionsTable,

    /// <summary>Another table, or the table service itself (creating tables).</summary>
    OtherTable,

    /// <summary>Any blob or container: the app lease and large-message containers.</summary>
    Blob,
}
