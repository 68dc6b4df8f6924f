using Orchestrator.Application.Ports;
using Orchestrator.Application.Touchpoints;

namespace Orchestrator.Standalone.Hosting;

/// <summary>
/// The queue ingress: receives touchpoints from the <c>touchpoints</c> queue (sent there by channel apps,
/// or queued for retry by the HTTP ingress) and hands each to <see cref="TouchpointIngress"/>.
/// </summary>
/// <remarks>
/// Polls on the wall clock, not the engine's: message visibility is kept by the storage service in real
/// time. An empty queue is polled again after at most <see cref="MaxIdleWait"/>.
/// </remarks>
internal sealed partial class TouchpointQueueLoop(
    ITouchpointInbox inbox,
    TouchpointIngress ingress,
    RuntimeSettings settings,
    ILogger<TouchpointQueueLoop> logger) : BackgroundService
{
    /// <summary>Most messages one receive returns (the Storage Queue limit).</summary>
    public const int BatchSize = 32;

    /// <summary>The longest wait before polling an empty queue again.</summary>
    public static readonly TimeSpan MaxIdleWait = TimeSpan.FromSeconds(1);

    private readonly BackOff _idle = new(TimeSpan.FromMilliseconds(100), MaxIdleWait);
    private readonly BackOff _failing = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<QueuedMessage> messages;
            try
            {
                messages = await inbox.ReceiveAsync(BatchSize, settings.TouchpointVisibilityTimeout, stoppingToken);
                _failing.Reset();
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                var wait = _failing.Next();
                LogReceiveFailed(logger, exception, wait);
                await Task.Delay(wait, TimeProvider.System, stoppingToken);
                continue;
            }

            if (messages.Count == 0)
            {
                await Task.Delay(_idle.Next(), TimeProvider.System, stoppingToken);
                continue;
            }

            _idle.Reset();
            foreach (var message in messages)
            {
                await ProcessAsync(message, stoppingToken);
            }
        }
    }

    private async Task ProcessAsync(QueuedMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await ingress.ProcessQueuedAsync(message, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Not deleted: the message becomes visible again when its visibility timeout ends.
            LogProcessFailed(logger, exception, message.MessageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving touchpoints from the queue failed; trying again in {Wait}")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued touchpoint {MessageId} could not be handled; it is delivered again later")]
    private static partial void LogProcessFailed(ILogger logger, Exception exception, string messageId);
}
