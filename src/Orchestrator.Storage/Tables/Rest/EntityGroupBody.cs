using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Orchestrator.Storage.Tables.Rest;

/// <summary>
/// Writes an entity-group transaction's <c>multipart/mixed</c> body straight into a pooled buffer, byte for byte in
/// the form Azure.Data.Tables sends (one changeset; per operation its request line, headers and JSON body), without
/// the strings the SDK's multipart content builds per operation.
/// </summary>
internal static class EntityGroupBody
{
    /// <summary>The action types this writer handles: the ones the stores use.</summary>
    /// <param name="actions">The actions.</param>
    /// <returns>True when <see cref="Write"/> can write them all.</returns>
    public static bool CanWrite(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            return false;
        }

        foreach (var action in actions)
        {
            var supported = action.ActionType switch
            {
                TableTransactionActionType.Add or TableTransactionActionType.UpdateReplace or TableTransactionActionType.UpsertReplace =>
                    action.Entity is TableEntity entity && EntityJson.CanWrite(entity),
                TableTransactionActionType.Delete => true,
                _ => false,
            };
            if (!supported)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes the body.</summary>
    /// <param name="buffer">Where to write.</param>
    /// <param name="batchId">The batch's boundary id (the <c>Content-Type</c> header names <c>batch_{id}</c>).</param>
    /// <param name="table">The table's address.</param>
    /// <param name="actions">The actions, as <see cref="CanWrite"/> accepts.</param>
    public static void Write(PooledBuffer buffer, Guid batchId, TableAddress table, IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actions);
        var changesetId = Guid.NewGuid();
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });

        buffer.Write("--batch_"u8);
        WriteGuid(buffer, batchId);
        buffer.Write("\r\nContent-Type: multipart/mixed; boundary=changeset_"u8);
        WriteGuid(buffer, changesetId);
        buffer.Write("\r\n\r\n"u8);
        foreach (var action in actions)
        {
            buffer.Write("--changeset_"u8);
            WriteGuid(buffer, changesetId);
            buffer.Write("\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"u8);
            WriteOperation(buffer, json, table, action);
        }

        buffer.Write("--changeset_"u8);
        WriteGuid(buffer, changesetId);
        buffer.Write("--\r\n\r\n--batch_"u8);
        WriteGuid(buffer, batchId);
        buffer.Write("--\r\n"u8);
    }

    private static void WriteOperation(PooledBuffer buffer, Utf8JsonWriter json, TableAddress table, TableTransactionAction action)
    {
        var entity = action.Entity;
        switch (action.ActionType)
        {
            case TableTransactionActionType.Add:
                buffer.Write("POST "u8);
                WriteUtf8(buffer, table.Url);
                buffer.Write(TableAddress.FormatQuery);
                WriteCommonHeaders(buffer, table);
                buffer.Write("Prefer: return-no-content\r\nAccept: application/json;odata=minimalmetadata\r\nContent-Type: application/json;odata=nometadata\r\n\r\n"u8);
                WriteEntity(buffer, json, (TableEntity)entity);
                break;
            case TableTransactionActionType.UpdateReplace or TableTransactionActionType.UpsertReplace:
                buffer.Write("PUT "u8);
                WriteEntityUrl(buffer, table, entity);
                WriteCommonHeaders(buffer, table);
                WriteIfMatch(buffer, action.ActionType == TableTransactionActionType.UpdateReplace ? action.ETag : default);
                buffer.Write("Accept: application/json\r\nContent-Type: application/json\r\n\r\n"u8);
                WriteEntity(buffer, json, (TableEntity)entity);
                break;
            case TableTransactionActionType.Delete:
                buffer.Write("DELETE "u8);
                WriteEntityUrl(buffer, table, entity);
                WriteCommonHeaders(buffer, table);
                WriteIfMatch(buffer, action.ETag == default ? ETag.All : action.ETag);
                buffer.Write("Accept: application/json;odata=minimalmetadata\r\n\r\n\r\n"u8);
                break;
            default:
                throw new NotSupportedException($"{action.ActionType} is not written by the lean transport.");
        }
    }

    private static void WriteEntityUrl(PooledBuffer buffer, TableAddress table, ITableEntity entity)
    {
        WriteUtf8(buffer, table.Url);
        buffer.Write("(PartitionKey='"u8);
        WriteUtf8(buffer, TableAddress.EscapeKey(entity.PartitionKey));
        buffer.Write("',RowKey='"u8);
        WriteUtf8(buffer, TableAddress.EscapeKey(entity.RowKey));
        buffer.Write("')"u8);
        buffer.Write(TableAddress.FormatQuery);
    }

    private static void WriteCommonHeaders(PooledBuffer buffer, TableAddress table)
    {
        buffer.Write(" HTTP/1.1\r\nHost: "u8);
        WriteUtf8(buffer, table.Host);
        buffer.Write("\r\nx-ms-version: "u8);
        buffer.Write(TableAddress.ServiceVersionUtf8);
        buffer.Write("\r\nDataServiceVersion: 3.0\r\n"u8);
    }

    private static void WriteIfMatch(PooledBuffer buffer, ETag eTag)
    {
        if (eTag == default)
        {
            return;
        }

        buffer.Write("If-Match: "u8);
        WriteUtf8(buffer, eTag.ToString());
        buffer.Write("\r\n"u8);
    }

    private static void WriteEntity(PooledBuffer buffer, Utf8JsonWriter json, TableEntity entity)
    {
        json.Reset(buffer);
        EntityJson.Write(json, entity);
        json.Flush();
        buffer.Write("\r\n"u8);
    }

    private static void WriteGuid(PooledBuffer buffer, Guid id)
    {
        Utf8Formatter.TryFormat(id, buffer.GetSpan(36), out var written);
        buffer.Advance(written);
    }

    private static void WriteUtf8(PooledBuffer buffer, string text)
    {
        var written = Encoding.UTF8.GetBytes(text, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length)));
        buffer.Advance(written);
    }
}
