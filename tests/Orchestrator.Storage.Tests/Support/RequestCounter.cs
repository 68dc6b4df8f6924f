using Azure.Core;
using Azure.Core.Pipeline;

namespace Orchestrator.Storage.Tests.Support;

/// <summary>Counts the HTTP requests an SDK client sends, retries included, to prove round-trip claims.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
