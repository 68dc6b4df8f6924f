using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Instances;

namespace Orchestrator.Application.Queries;

/// <summary>
/// An instance's status with the Durable Functions extension's field names
/// (<c>GET /runtime/webhooks/durabletask/instances/{id}</c>), so ops tooling works against both drivers.
/// </summary>
/// <param name="Name">The journey id (the orchestration name).</param>
/// <param name="InstanceId">The instance id.</param>
/// <param name="RuntimeStatus">Durable runtime status.</param>
/// <param name="Input">The trigger touchpoint.</param>
/// <param name="CustomStatus">Current step and what it waits for.</param>
/// <param name="Output">The outcome, once completed.</param>
/// <param name="CreatedTime">When the instance started.</param>
/// <param name="LastUpdatedTime">When it last changed.</param>
/// <param name="HistoryEvents">The decision history, when asked for.</param>
public sealed record InstanceStatus(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("instanceId")] string InstanceId,
    [property: JsonPropertyName("runtimeStatus")] InstanceRuntimeStatus RuntimeStatus,
    [property: JsonPropertyName("input")] JsonElement Input,
    [property: JsonPropertyName("customStatus")] InstanceCustomStatus CustomStatus,
    [property: JsonPropertyName("output")] InstanceOutput? Output,
    [property: JsonPropertyName("createdTime")] DateTimeOffset CreatedTime,
    [property: JsonPropertyName("lastUpdatedTime")] DateTimeOffset LastUpdatedTime,
    [property: JsonPropertyName("historyEvents")] IReadOnlyList<TimelineDecision>? HistoryEvents);
