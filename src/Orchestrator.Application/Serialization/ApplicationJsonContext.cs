using System.Text.Json.Serialization;
using Orchestrator.Application.Actions;
using Orchestrator.Application.Customers;
using Orchestrator.Application.Ports;
using Orchestrator.Application.Queries;
using Orchestrator.Application.Rules;
using Orchestrator.Journeys;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Application.Serialization;

/// <summary>
/// Source-generated JSON for what the runtime stores and sends: timeline entries, actions, customer
/// bookkeeping. Same conventions as the engine's context (camel case, nulls omitted, engine enums in
/// camel case), except <see cref="Instances.InstanceRuntimeStatus"/>, written <c>Running</c> as Durable Functions writes it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ActionMessage))]
[JsonSerializable(typeof(Analytics.AnalyticsRecord))]
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(TimelineEntry))]
[JsonSerializable(typeof(IReadOnlyList<TimelineEntry>))]
[JsonSerializable(typeof(IReadOnlyList<CustomerJourney>))]
[JsonSerializable(typeof(Dictionary<string, JourneyEntryHistory>))]
[JsonSerializable(typeof(JourneyState))]
[JsonSerializable(typeof(Touchpoint))]
[JsonSerializable(typeof(List<Touchpoint>))]
[JsonSerializable(typeof(DueTimer))]
[JsonSerializable(typeof(List<SentAction>))]
[JsonSerializable(typeof(Orchestrator.Journeys.Customers.CustomerProfile))]
[JsonSerializable(typeof(List<DeferredAction>))]
[JsonSerializable(typeof(PoisonEntry))]
[JsonSerializable(typeof(IReadOnlyList<PoisonEntry>))]
[JsonSerializable(typeof(InstanceStatus))]
[JsonSerializable(typeof(IReadOnlyList<InstanceStatus>))]
[JsonSerializable(typeof(IReadOnlyList<StepOccupant>))]
[JsonSerializable(typeof(Identity.CustomerIdentity))]
public sealed partial class ApplicationJsonContext : JsonSerializerContext;
