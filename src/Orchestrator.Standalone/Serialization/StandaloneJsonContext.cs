using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Journeys.Parsing;
using Orchestrator.Standalone.Contracts;

namespace Orchestrator.Standalone.Serialization;

/// <summary>
/// Source-generated JSON for the host's own HTTP contracts: web defaults (camel case), enums as strings.
/// Instance status, customer journeys and timelines come from the application layer's context, shared by every host.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TouchpointsAccepted))]
[JsonSerializable(typeof(AcceptResult[]))]
[JsonSerializable(typeof(AcceptResult))]
[JsonSerializable(typeof(InstancesPurged))]
[JsonSerializable(typeof(TouchpointProblem[]))]
[JsonSerializable(typeof(DefinitionError[]))]
[JsonSerializable(typeof(JourneyDeployed))]
[JsonSerializable(typeof(IReadOnlyList<JourneySummary>))]
[JsonSerializable(typeof(JourneyDocument))]
[JsonSerializable(typeof(JourneyVersionView))]
[JsonSerializable(typeof(VersionChanged))]
[JsonSerializable(typeof(DefinitionValid))]
internal sealed partial class StandaloneJsonContext : JsonSerializerContext;
