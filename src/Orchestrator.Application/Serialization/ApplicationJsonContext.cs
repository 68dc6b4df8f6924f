using System.Text.Json.Serialization;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Ports;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;
using Orchestrator.Journeys.Serialization;

namespace Orchestrator.Application.Serialization;

/// <summary>
/// Source-generated JSON for what the runtime stores and sends: timeline entries, actions, customer
/// bookkeeping. Same conventions as the engine's context (camel case, nulls omitted, engine enums in
/// camel case), except <see cref="Instances.InstanceRuntimeStatus"/>, written <c>Running</c> as Durable Functions writes it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters =
    [
        typeof(CamelCaseEnumConverter<JourneyStatus>),
        typeof(CamelCaseEnumConverter<JourneyOutcome>),
        typeof(CamelCaseEnumConverter<WaitKind>),
        typeof(CamelCaseEnumConverter<AwaitPurpose>),
        typeof(CamelCaseEnumConverter<DecisionKind>),
    ])]
[JsonSerializable(typeof(ActionMessage))]
[JsonSerializable(typeof(TimelineEntry))]
[JsonSerializable(typeof(IReadOnlyList<TimelineEntry>))]
[JsonSerializable(typeof(Dictionary<string, JourneyEntryHistory>))]
[JsonSerializable(typeof(JourneyState))]
[JsonSerializable(typeof(Touchpoint))]
[JsonSerializable(typeof(DueTimer))]
[JsonSerializable(typeof(PoisonEntry))]
public sealed partial class ApplicationJsonContext : JsonSerializerContext;
