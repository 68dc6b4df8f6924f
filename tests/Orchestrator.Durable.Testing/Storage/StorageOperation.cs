namespace Orchestrator.Durable.Testing.Storage;

/// <summary>What a storage request did.</summary>
public enum StorageOperation
{
    /// <summary>Created a queue, table or container (including "already exists" answers).</summary>
    Create,

    /// <summary>Deleted a queue, table or container.</summary>
    DeleteResource,

    /// <summary>Put a message on a queue; one message per request.</summary>
    Send,

    /// <summary>Received (dequeued) messages; items count the messages returned, so empty polls show as requests without items.</summary>
    Receive,

    /// <summary>Peeked at messages without dequeuing them.</summary>
    Peek,

    /// <summary>Updated a received message (its visibility timeout, so it reappears later).</summary>
    UpdateMessage,

    /// <summary>Deleted a received message: the end of its processing.</summary>
    DeleteMessage,

    /// <summary>Inserted a table entity.</summary>
    Insert,

    /// <summary>Replaced or merged a table entity (PUT, MERGE or PATCH), with or without an ETag.</summary>
    Upsert,

    /// <summary>Deleted a table entity.</summary>
    Delete,

    /// <summary>Read table entities (a point read or a query page); items count the entities returned.</summary>
    Query,

    /// <summary>
    /// An entity-group transaction (<c>$batch</c>): one request; its entity operations also count as items under
    /// their own resource and operation.
    /// </summary>
    Transaction,

    /// <summary>Read a blob, a container, or a queue's or table's properties.</summary>
    Read,

    /// <summary>Wrote or leased a blob.</summary>
    Write,

    /// <summary>Anything else.</summary>
    Other,
}
