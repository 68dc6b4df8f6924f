using Orchestrator.Application.Ports;

namespace Orchestrator.Standalone.Tests.Support.Fakes;

/// <summary>A touchpoints queue that cannot be written to; receiving finds it empty.</summary>
public sealed class UnavailableTouchpointInbox : ITouchpointInbox
{
    public Task EnqueueAsync(string body, TimeSpan delay, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("queue unavailable");

    public Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int max, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<QueuedMessage>>([]);

    public Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
