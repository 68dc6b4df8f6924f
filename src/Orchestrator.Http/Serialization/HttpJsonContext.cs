using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Application.Touchpoints;
using Orchestrator.Http.Contracts;
using Orchestrator.Journeys.Parsing;

namespace Orchestrator.Http.Serialization;

/// <summary>
/// Source-generated JSON for the shared HTTP contracts: web defaults (camel case), enums as strings.
/// Customer journeys and timelines come from the application layer's context; hosts add their own contracts' contexts.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TouchpointsAccepted))]
[JsonSerializable(typeof(AcceptResult[]))]
[JsonSerializable(typeof(AcceptResult))]
[JsonSerializable(typeof(TouchpointProblem[]))]
[JsonSerializable(typeof(DefinitionError[]))]
[JsonSerializable(typeof(JourneyDeployed))]
[JsonSerializable(typeof(IReadOnlyList<JourneySummary>))]
[JsonSerializable(typeof(JourneyDocument))]
[JsonSerializable(typeof(JourneyVersionView))]
[JsonSerializable(typeof(VersionChanged))]
[JsonSerializable(typeof(DefinitionValid))]
[JsonSerializable(typeof(Orchestrator.Application.Analytics.JourneyAnalytics))]
[JsonSerializable(typeof(IReadOnlyList<Orchestrator.Application.Analytics.JourneyRank>))]
[JsonSerializable(typeof(MigrationView))]
[JsonSerializable(typeof(MigrationStarted))]
[JsonSerializable(typeof(Orchestrator.Application.Migrations.MigrationPreview))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(CustomerProfileDocument))]
internal sealed partial class HttpJsonContext : JsonSerializerContext;
