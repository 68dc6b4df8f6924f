using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Orchestrator.Application;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Durable.Orchestration;

namespace Orchestrator.Durable.Ingress;

/// <summary>
/// Touchpoint ingress of the Durable Functions runtime, whatever queue delivers the message: reads the CloudEvent,
/// lets <see cref="DurableTouchpointRouter"/> route and record it, starts and signals the orchestrations it names,
/// and says how the message is to be settled. Invalid events are dead-lettered with what is wrong, failures abandoned for
/// redelivery.
/// </summary>
/// <remarks>
/// Redelivery is safe and completes what a failed delivery left undone: the router answers a touchpoint it recorded
/// already with the starts and raises that may be missing, starts are idempotent by the deterministic instance id,
/// and an orchestration drops a touchpoint id it applied already.
/// </remarks>
public sealed partial class DurableTouchpointIngress
{
    /// <summary>Dead-letter reason of a message that is not a valid structured CloudEvent.</summary>
    public const string InvalidCloudEvent = "InvalidCloudEvent";

    private readonly DurableTouchpointRouter _router;
    private readonly ApplicationOptions _options;
    private readonly ILogger<DurableTouchpointIngress> _logger;

    /// <summary>Creates the ingress.</summary>
    /// <param name="router">Routes and records touchpoints.</param>
    /// <param name="options">Application options (touchpoint size limit).</param>
    /// <param name="logger">Logger.</param>
    public DurableTouchpointIngress(DurableTouchpointRouter router, ApplicationOptions options, ILogger<DurableTouchpointIngress> logger)
    {
        _router = router;
        _options = options;
        _logger = logger;
    }

    /// <summary>Handles one touchpoint message.</summary>
    /// <param name="body">The message body: one structured-mode CloudEvent, UTF-8 JSON.</param>
    /// <param name="messageId">The message id, for the log.</param>
    /// <param name="deliveryCount">How many times the message has been delivered, for the log.</param>
    /// <param name="client">The Durable client that starts and signals orchestrations.</param>
    /// <param name="cancellationToken">Cancels handling; a cancelled message is left unsettled, so it is redelivered.</param>
    /// <returns>How to settle the message.</returns>
    public async Task<SettleDecision> HandleAsync(
        ReadOnlyMemory<byte> body, string messageId, int deliveryCount, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var read = CloudEventReader.ReadStructured(body, _options.MaxTouchpointBytes);
        if (!read.IsValid)
        {
            var description = string.Join("; ", read.Problems);
            LogDeadLettered(messageId, description);
            return new SettleDecision.DeadLetter(InvalidCloudEvent, description);
        }

        try
        {
            var plan = await _router.AcceptAsync(read.Touchpoints[0], cancellationToken);
            foreach (var start in plan.Starts)
            {
                await StartAsync(client, start, cancellationToken);
            }

            foreach (var instanceId in plan.Raises)
            {
                await client.RaiseEventAsync(instanceId, JourneyOrchestrationNames.TouchpointEvent, plan.Raised, cancellationToken);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogAbandoned(exception, messageId, deliveryCount);
            return new SettleDecision.Abandon();
        }

        return new SettleDecision.Complete();
    }

    /// <summary>Starts one orchestration; one that exists already (a redelivered touchpoint) is not a failure.</summary>
    /// <param name="client">The Durable client.</param>
    /// <param name="start">The first input.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when scheduled.</returns>
    internal static async Task StartAsync(DurableTaskClient client, JourneyOrchestrationInput start, CancellationToken cancellationToken)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                JourneyOrchestrationNames.Orchestrator, start, new StartOrchestrationOptions(start.InstanceId), cancellationToken);
        }
        catch (Exception exception) when (IsAlreadyStarted(exception))
        {
            // The deterministic id was started by an earlier delivery of this touchpoint.
        }
    }

    /// <summary>
    /// Whether a start failed because the instance exists. The gRPC client (the Functions worker's) turns the host's
    /// <c>AlreadyExists</c> answer into DurableTask.Core's <see cref="OrchestrationAlreadyExistsException"/>; a client
    /// that passes the gRPC failure through raises it as an <see cref="RpcException"/>.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <returns>True when the instance already exists.</returns>
    internal static bool IsAlreadyStarted(Exception exception) => exception is
        OrchestrationAlreadyExistsException or RpcException { StatusCode: StatusCode.AlreadyExists };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Touchpoint message {MessageId} dead-lettered: {Description}")]
    private partial void LogDeadLettered(string messageId, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Touchpoint message {MessageId} abandoned for redelivery (delivery {DeliveryCount})")]
    private partial void LogAbandoned(Exception exception, string messageId, int deliveryCount);
}
