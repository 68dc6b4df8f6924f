using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Orchestrator.Durable.Testing.Storage;

/// <summary>
/// Sits in one storage client's pipeline (once per try) and reports each request to a <see cref="StorageRequestCounter"/>.
/// </summary>
/// <param name="counter">Where requests are counted.</param>
/// <param name="service">The service this client talks to.</param>
/// <param name="accountPath">The path of the service endpoint without its leading slash, stripped from request paths: Azurite's <c>devstoreaccount1/</c>, or empty.</param>
internal sealed class CountingPolicy(StorageRequestCounter counter, StorageService service, string accountPath) : HttpPipelinePolicy
{
    private static readonly KeyValuePair<StorageOperationKey, int>[] NoItems = [];

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var (key, batch) = Classify(message);
        ProcessNext(message, pipeline);
        Record(message, key, batch);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var (key, batch) = Classify(message);
        await ProcessNextAsync(message, pipeline);
        Record(message, key, batch);
    }

    private (StorageOperationKey Key, IReadOnlyList<StorageOperationKey> Batch) Classify(HttpMessage message)
    {
        var uri = message.Request.Uri;
        // The builder keeps the path escaped, with or without its leading slash depending on the client.
        var path = Uri.UnescapeDataString(uri.Path).TrimStart('/');
        if (accountPath.Length > 0 && path.StartsWith(accountPath, StringComparison.Ordinal))
        {
            path = path[accountPath.Length..];
        }

        var key = StorageRequestClassifier.Classify(service, message.Request.Method.Method, path, uri.Query);
        if (key.Operation != StorageOperation.Transaction)
        {
            return (key, []);
        }

        // A transaction names its table only inside its body; the first entity's table stands for the request.
        var batch = StorageRequestClassifier.BatchOperations(ReadBody(message.Request.Content));
        return (batch.Count > 0 ? key with { Resource = batch[0].Resource } : key, batch);
    }

    private void Record(HttpMessage message, StorageOperationKey key, IReadOnlyList<StorageOperationKey> batch)
    {
        if (!message.HasResponse)
        {
            return;
        }

        var response = message.Response;
        var failed = response.Status >= 400;
        counter.Record(key, failed, failed ? NoItems : Items(key, batch, response));
    }

    private static IEnumerable<KeyValuePair<StorageOperationKey, int>> Items(
        StorageOperationKey key, IReadOnlyList<StorageOperationKey> batch, Response response) => key.Operation switch
        {
            StorageOperation.Transaction => batch.Select(operation => KeyValuePair.Create(operation, 1)),
            StorageOperation.Send or StorageOperation.Insert or StorageOperation.Upsert or StorageOperation.Delete =>
                [KeyValuePair.Create(key, 1)],
            StorageOperation.Receive or StorageOperation.Peek =>
                [KeyValuePair.Create(key, StorageRequestClassifier.CountQueueMessages(BufferedContent(response).ToString()))],
            StorageOperation.Query =>
                [KeyValuePair.Create(key, StorageRequestClassifier.CountEntities(BufferedContent(response).ToMemory().Span))],
            _ => NoItems,
        };

    // The storage clients buffer these responses (they are small XML or JSON documents), so reading them here
    // costs nothing and leaves the stream for the client to parse.
    private static BinaryData BufferedContent(Response response) =>
        response.ContentStream is MemoryStream ? response.Content : BinaryData.Empty;

    private static string ReadBody(RequestContent? content)
    {
        if (content is null)
        {
            return string.Empty;
        }

        // A batch body is built in memory (multipart of JSON parts), so it can be written once here and again on the wire.
        using var buffer = new MemoryStream();
        content.WriteTo(buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
