using System.Text.Json;
using System.Text.RegularExpressions;

namespace Orchestrator.Durable.Testing.Storage;

/// <summary>
/// Names what a storage request did from its method and path (and, where the path cannot tell, its body): pure
/// functions, so the table of cases is tested without a network.
/// </summary>
/// <remarks>
/// Paths are relative to the account (Azurite's <c>/devstoreaccount1/</c> prefix already removed). The REST shapes
/// are those of the Queue, Table and Blob services' documented APIs.
/// </remarks>
internal static partial class StorageRequestClassifier
{
    /// <summary>Classifies one request; a <c>$batch</c> comes back as <see cref="StorageResource.OtherTable"/> until its body names the table.</summary>
    public static StorageOperationKey Classify(StorageService service, string method, string path, string query) => service switch
    {
        StorageService.Queue => ClassifyQueue(method, path, query),
        StorageService.Table => ClassifyTable(method, path),
        _ => new StorageOperationKey(StorageResource.Blob, ClassifyBlob(method, query)),
    };

    /// <summary>The role of a queue in the task hub, from its name.</summary>
    public static StorageResource QueueResource(string queueName) =>
        queueName.Contains("-control-", StringComparison.Ordinal) ? StorageResource.ControlQueue
        : queueName.EndsWith("-workitems", StringComparison.Ordinal) ? StorageResource.WorkItemQueue
        : StorageResource.OtherQueue;

    /// <summary>The role of a table in the task hub, from its name.</summary>
    public static StorageResource TableResource(string tableName) =>
        tableName.EndsWith("History", StringComparison.Ordinal) ? StorageResource.HistoryTable
        : tableName.EndsWith("Instances", StringComparison.Ordinal) ? StorageResource.InstancesTable
        : tableName.EndsWith("Partitions", StringComparison.Ordinal) ? StorageResource.PartitionsTable
        : StorageResource.OtherTable;

    /// <summary>The entity operations inside an entity-group transaction's multipart body, in order.</summary>
    public static IReadOnlyList<StorageOperationKey> BatchOperations(string body)
    {
        var operations = new List<StorageOperationKey>();
        foreach (Match match in BatchRequestLine().Matches(body))
        {
            var key = ClassifyTable(match.Groups["method"].Value, match.Groups["path"].Value);
            operations.Add(key);
        }

        return operations;
    }

    /// <summary>How many messages a Get Messages or Peek Messages response carries.</summary>
    public static int CountQueueMessages(string responseXml) => QueueMessageElement().Count(responseXml);

    /// <summary>How many entities a table read returned: the <c>value</c> array of a query, or one entity of a point read.</summary>
    public static int CountEntities(ReadOnlySpan<byte> responseJson)
    {
        if (responseJson.IsEmpty)
        {
            return 0;
        }

        try
        {
            var reader = new Utf8JsonReader(responseJson);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return 0;
            }

            return root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array
                ? value.GetArrayLength()
                : 1;
        }
        catch (JsonException)
        {
            // Not JSON (an error page, an Atom feed): no entities to count.
            return 0;
        }
    }

    private static StorageOperationKey ClassifyQueue(string method, string path, string query)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return new StorageOperationKey(StorageResource.OtherQueue, StorageOperation.Other);
        }

        var resource = QueueResource(segments[0]);
        var operation = (segments.Length, method) switch
        {
            (1, "PUT") when !query.Contains("comp=", StringComparison.Ordinal) => StorageOperation.Create,
            (1, "DELETE") => StorageOperation.DeleteResource,
            (1, "GET" or "HEAD") => StorageOperation.Read,
            (2, "POST") => StorageOperation.Send,
            (2, "GET") when query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) => StorageOperation.Peek,
            (2, "GET") => StorageOperation.Receive,
            (3, "PUT") => StorageOperation.UpdateMessage,
            (3, "DELETE") => StorageOperation.DeleteMessage,
            _ => StorageOperation.Other,
        };
        return new StorageOperationKey(resource, operation);
    }

    private static StorageOperationKey ClassifyTable(string method, string path)
    {
        var trimmed = path.Trim('/');
        if (trimmed == "$batch")
        {
            return new StorageOperationKey(StorageResource.OtherTable, StorageOperation.Transaction);
        }

        // A transaction's request lines carry the query string too: "hubHistory?$format=...".
        var end = trimmed.IndexOfAny(['(', '?']);
        var table = end < 0 ? trimmed : trimmed[..end];
        if (table == "Tables")
        {
            var tableOperation = method switch
            {
                "POST" => StorageOperation.Create,
                "DELETE" => StorageOperation.DeleteResource,
                "GET" => StorageOperation.Query,
                _ => StorageOperation.Other,
            };
            return new StorageOperationKey(StorageResource.OtherTable, tableOperation);
        }

        var operation = method switch
        {
            "POST" => StorageOperation.Insert,
            "PUT" or "MERGE" or "PATCH" => StorageOperation.Upsert,
            "DELETE" => StorageOperation.Delete,
            "GET" => StorageOperation.Query,
            _ => StorageOperation.Other,
        };
        return new StorageOperationKey(TableResource(table), operation);
    }

    private static StorageOperation ClassifyBlob(string method, string query) => method switch
    {
        "GET" or "HEAD" => StorageOperation.Read,
        "PUT" when query.Contains("restype=container", StringComparison.Ordinal)
            && !query.Contains("comp=", StringComparison.Ordinal) => StorageOperation.Create,
        "PUT" => StorageOperation.Write,
        "DELETE" when query.Contains("restype=container", StringComparison.Ordinal) => StorageOperation.DeleteResource,
        "DELETE" => StorageOperation.Delete,
        _ => StorageOperation.Other,
    };

    // A sub-request's request line in a multipart changeset: "PATCH http://host/account/Table(PartitionKey='a',RowKey='b') HTTP/1.1".
    // The path is what follows the account segment, or the host when the account is in the host name.
    [GeneratedRegex(@"^(?<method>POST|PUT|MERGE|PATCH|DELETE|GET) https?://[^/\s]+/(?:[^/\s]+/)?(?<path>[^/\s]+) HTTP/1\.1\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex BatchRequestLine();

    [GeneratedRegex("<QueueMessage>", RegexOptions.CultureInvariant)]
    private static partial Regex QueueMessageElement();
}
