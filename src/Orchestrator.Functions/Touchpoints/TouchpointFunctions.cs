using Azure.Messaging.ServiceBus;
using Grpc.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Orchestrator.Application;
using Orchestrator.Durable.Orchestration;
using Orchestrator.Application.Touchpoints;

namespace Orchestrator.Functions.Touchpoints;

/// <summary>
/// Touchpoint ingress from the Service Bus <c>touchpoints</c> queue (sessions by customer keep one customer's
/// touchpoints in order): reads the CloudEvent, lets the shared router plan, starts and signals orchestrations,
/// then records. Invalid events are dead-lettered with what is wrong, failures abandoned for redelivery.
/// </summary>
/// <param name="router">The shared Durable touchpoint router.</param>
/// <param name="options">Application options (touchpoint size limit).</param>
/// <param name="logger">Logger.</param>
public sealed partial class TouchpointFunctions(DurableTouchpointRouter router, ApplicationOptions options, ILogger<TouchpointFunctions> logger)
{
    /// <summary>Dead-letter reason of a message that is not a valid structured CloudEvent.</summary>
    public const string InvalidCloudEvent = "InvalidCloudEvent";

    /// <summary>Handles one touchpoint message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="messageActions">Settles the message.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="cancellationToken">Cancels handling.</param>
    /// <returns>A task that completes when the message is settled.</returns>
    [Function("TouchpointIngress")]
    public async Task Run(
        [ServiceBusTrigger("touchpoints", Connection = "ServiceBusConnection", IsSessionsEnabled = true, AutoCompleteMessages = false)]
        ServiceBusReceivedMessage message,
        ServiceBusMessageActions messageActions,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(messageActions);
        ArgumentNullException.ThrowIfNull(client);

        var read = CloudEventReader.ReadStructured(message.Body.ToMemory(), options.MaxTouchpointBytes);
        if (!read.IsValid)
        {
            var description = string.Join("; ", read.Problems);
            LogDeadLettered(message.MessageId, description);
            // Positional: (message, propertiesToModify, deadLetterReason, deadLetterErrorDescription, cancellationToken).
            await messageActions.DeadLetterMessageAsync(message, null, InvalidCloudEvent, Truncate(description), cancellationToken);
            return;
        }

        try
        {
            var plan = await router.PlanAsync(read.Touchpoints[0], cancellationToken);
            foreach (var start in plan.Starts)
            {
                await StartAsync(client, start, cancellationToken);
            }

            foreach (var instanceId in plan.Raises)
            {
                await client.RaiseEventAsync(instanceId, JourneyOrchestrationNames.TouchpointEvent, plan.EventPayload, cancellationToken);
            }

            await router.RecordAsync(plan, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Starts are idempotent by id and orchestrations drop a touchpoint id they applied, so redelivery is safe.
            LogAbandoned(exception, message.MessageId, message.DeliveryCount);
            await messageActions.AbandonMessageAsync(message, null, cancellationToken);
            return;
        }

        await messageActions.CompleteMessageAsync(message, cancellationToken);
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
    /// Whether a start failed because the instance exists. The Functions host answers gRPC <c>AlreadyExists</c>
    /// (its <c>LocalGrpcListener</c> maps DurableTask.Core's <c>OrchestrationAlreadyExistsException</c>); newer
    /// clients surface it as an <c>OrchestrationAlreadyExistsException</c> of their own, matched by name so this
    /// compiles against client versions with and without that type.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <returns>True when the instance already exists.</returns>
    internal static bool IsAlreadyStarted(Exception exception) => exception switch
    {
        RpcException { StatusCode: StatusCode.AlreadyExists } => true,
        _ => exception.GetType().Name == "OrchestrationAlreadyExistsException",
    };

    // Service Bus limits a dead-letter description (an application property) in size; the whole list stays in the log.
    private static string Truncate(string text) => text.Length <= 1024 ? text : text[..1021] + "...";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Touchpoint message {MessageId} dead-lettered: {Description}")]
    private partial void LogDeadLettered(string messageId, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Touchpoint message {MessageId} abandoned for redelivery (delivery {DeliveryCount})")]
    private partial void LogAbandoned(Exception exception, string messageId, int deliveryCount);
}
