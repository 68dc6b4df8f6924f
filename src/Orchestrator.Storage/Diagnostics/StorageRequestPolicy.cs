using Azure.Core;
using Azure.Core.Pipeline;

namespace Orchestrator.Storage.Diagnostics;

/// <summary>Counts each request a client sends in <see cref="StorageRequestCounter"/>; added per retry, so every attempt on the wire counts.</summary>
/// <param name="queue">Whether the client is a Queue client (otherwise a Table client).</param>
internal sealed class StorageRequestPolicy(bool queue) : HttpPipelineSynchronousPolicy
{
    /// <summary>The policy for Table clients.</summary>
    public static readonly StorageRequestPolicy Tables = new(queue: false);

    /// <summary>The policy for Queue clients.</summary>
    public static readonly StorageRequestPolicy Queues = new(queue: true);

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var method = message.Request.Method.Method;
        var path = message.Request.Uri.Path;
        StorageRequestCounter.Add(queue ? StorageRequestKind.ForQueue(method, path) : StorageRequestKind.ForTable(method, path));
    }
}
