using System.Net;
using System.Net.Http.Headers;
using Azure.Data.Tables;
using Orchestrator.Storage.Diagnostics;

namespace Orchestrator.Storage.Tables.Rest;

/// <summary>
/// The two calls on the hot path of every touchpoint, a point read and an entity-group transaction, spoken to the
/// Table REST API directly: the request body written once into a pooled buffer and the answer read from bytes,
/// instead of through the SDK pipeline and its multipart strings. Everything else stays on the SDK.
/// </summary>
/// <remarks>
/// Requests and answers are those Azure.Data.Tables 12.13 sends and reads (headers, boundaries, version), and
/// failures leave as the SDK's exception types with the same status, error code and failed index, so
/// <see cref="TableGateway"/> handles both transports with one set of rules.
/// </remarks>
/// <param name="connection">The account's connection.</param>
/// <param name="address">The table.</param>
internal sealed class LeanTableClient(TableHttpConnection connection, TableAddress address)
{
    private static readonly MediaTypeWithQualityHeaderValue MinimalMetadata = MediaTypeWithQualityHeaderValue.Parse("application/json;odata=minimalmetadata");
    private static readonly MediaTypeWithQualityHeaderValue Json = MediaTypeWithQualityHeaderValue.Parse("application/json");

    private readonly StorageRequestKind _read = new("table.read", address.Name);
    private readonly StorageRequestKind _batch = new("table.batch", "$batch");

    /// <summary>The table's address.</summary>
    public TableAddress Address => address;

    /// <summary>Reads one entity.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entity with its ETag and Timestamp, or null when there is none (any 404, as the SDK's <c>GetEntityIfExists</c>).</returns>
    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var uri = address.EntityUri(partitionKey, rowKey);
        using var response = await connection.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.Add(MinimalMetadata);
                return request;
            },
            _read,
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        using var body = await ReadAsync(response, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw TableServiceError.Request((int)response.StatusCode, body.WrittenSpan, ErrorCode(response));
        }

        return EntityJson.Read(body.WrittenSpan, response.Headers.ETag?.ToString());
    }

    /// <summary>Submits one entity-group transaction: all of it lands or none of it.</summary>
    /// <param name="actions">At most 100 actions on one partition, of the types <see cref="EntityGroupBody.CanWrite"/> accepts.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when durable.</returns>
    /// <exception cref="TableTransactionFailedException">An operation failed (its index in <c>FailedTransactionActionIndex</c>), or the whole request did.</exception>
    public async Task SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var batchId = Guid.NewGuid();
        using var content = new PooledBuffer(actions.Count * 1024);
        EntityGroupBody.Write(content, batchId, address, actions);
        var contentType = "multipart/mixed; boundary=batch_" + batchId.ToString("D");
        using var response = await connection.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, address.BatchUri)
                {
                    Content = new ByteArrayContent(content.Array, 0, content.Length),
                };
                request.Headers.Accept.Add(Json);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                return request;
            },
            _batch,
            cancellationToken);
        using var body = await ReadAsync(response, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw TableServiceError.Transaction((int)response.StatusCode, body.WrittenSpan, ErrorCode(response));
        }

        if (EntityGroupResponse.FirstFailure(body.WrittenMemory) is { } failure)
        {
            throw TableServiceError.Transaction(failure.Status, failure.ErrorBody.Span, null);
        }
    }

    // Into a pooled buffer: the body is parsed in place and the array goes back to the pool.
    private static async Task<PooledBuffer> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await PooledBuffer.ReadAllAsync(stream, response.Content.Headers.ContentLength, cancellationToken);
    }

    private static string? ErrorCode(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-ms-error-code", out var values) ? values.FirstOrDefault() : null;
}
