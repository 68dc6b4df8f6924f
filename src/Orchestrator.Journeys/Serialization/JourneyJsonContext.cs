using System.Text.Json.Serialization;
using Orchestrator.Journeys.Engine;

namespace Orchestrator.Journeys.Serialization;

/// <summary>
/// Source-generated JSON metadata for everything that crosses a process boundary: engine state,
/// inputs, commands and decisions. Enums carry their own spelling (camel case, as in the definition language).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
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
