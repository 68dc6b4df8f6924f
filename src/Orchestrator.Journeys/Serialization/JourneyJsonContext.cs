using System.Text.Json.Serialization;
using Orchestrator.Journeys.Definitions;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Serialization;

/// <summary>
/// Source-generated JSON metadata for everything that crosses a process boundary: engine state,
/// inputs, commands and decisions. Enums are written as camel-case strings, as in the definition language.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    Converters =
    [
        typeof(CamelCaseEnumConverter<JourneyStatus>),
        typeof(CamelCaseEnumConverter<JourneyOutcome>),
        typeof(CamelCaseEnumConverter<WaitKind>),
        typeof(CamelCaseEnumConverter<AwaitPurpose>),
        typeof(CamelCaseEnumConverter<DecisionKind>),
    ])]
[JsonSerializable(typeof(JourneyState))]
[JsonSerializable(typeof(JourneyInput))]
[JsonSerializable(typeof(JourneyCommand))]
[JsonSerializable(typeof(IReadOnlyList<JourneyCommand>))]
[JsonSerializable(typeof(JourneyDecision))]
[JsonSerializable(typeof(IReadOnlyList<JourneyDecision>))]
[JsonSerializable(typeof(JourneyTransition))]
[JsonSerializable(typeof(Touchpoint))]
[JsonSerializable(typeof(string))]
public sealed partial class JourneyJsonContext : JsonSerializerContext;
