using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Standalone.Contracts;

namespace Orchestrator.Standalone.Serialization;

/// <summary>
/// Source-generated JSON for the contracts only this host has (its ops routes): web defaults (camel case), enums as
/// strings. The shared routes' contracts come from Orchestrator.Http's context.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(InstancesPurged))]
internal sealed partial class StandaloneJsonContext : JsonSerializerContext;
