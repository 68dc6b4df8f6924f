namespace Orchestrator.Storage.Diagnostics;

/// <summary>What one storage request was: the operation and the table or queue it went to.</summary>
/// <param name="Operation">
/// <c>table.query</c>, <c>table.read</c>, <c>table.insert</c>, <c>table.upsert</c>, <c>table.merge</c>,
/// <c>table.delete</c>, <c>table.batch</c> (an entity-group transaction), <c>table.admin</c>; <c>queue.send</c>,
/// <c>queue.receive</c>, <c>queue.delete</c>, <c>queue.update</c>, <c>queue.admin</c>.
/// </param>
/// <param name="Resource">The table or queue name (with the prefix); <c>$batch</c> for transactions, whose table is in the body.</param>
public readonly record struct StorageRequestKind(string Operation, string Resource)
{
    /// <summary>Classifies a Table service request from its method and path.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The URI path, path-style (Azurite, <c>/account/…</c>) or host-style (Azure).</param>
    /// <returns>The kind.</returns>
    public static StorageRequestKind ForTable(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        var last = LastSegment(path);
        if (last == "$batch")
        {
            return new("table.batch", "$batch");
        }

        var paren = last.IndexOf('(', StringComparison.Ordinal);
        var name = paren < 0 ? last : last[..paren];
        if (name.Equals("Tables", StringComparison.OrdinalIgnoreCase) || name.Length == 0)
        {
            return new("table.admin", "Tables");
        }

        // A key in the path addresses one entity; an empty "()" or no parentheses is a query or an insert.
        var entity = paren >= 0 && last.Contains("PartitionKey=", StringComparison.Ordinal);
        var operation = method.ToUpperInvariant() switch
        {
            "GET" => entity ? "table.read" : "table.query",
            "POST" => "table.insert",
            "PUT" => "table.upsert",
            "MERGE" or "PATCH" => "table.merge",
            "DELETE" => "table.delete",
            _ => "table.admin",
        };
        return new(operation, name);
    }

    /// <summary>Classifies a Queue service request from its method and path.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The URI path, path-style (Azurite) or host-style (Azure).</param>
    /// <returns>The kind.</returns>
    public static StorageRequestKind ForQueue(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var messages = Array.FindLastIndex(segments, s => s == "messages");
        if (messages < 1)
        {
            return new("queue.admin", segments.Length == 0 ? "" : segments[^1]);
        }

        var queue = segments[messages - 1];
        var single = messages < segments.Length - 1;
        var operation = method.ToUpperInvariant() switch
        {
            "POST" => "queue.send",
            "GET" => "queue.receive",
            "DELETE" when single => "queue.delete",
            "PUT" when single => "queue.update",
            _ => "queue.admin",
        };
        return new(operation, queue);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Operation} {Resource}";

    private static string LastSegment(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }
}
