using System.Text.Json.Serialization;

namespace Orchestrator.Storage.Tables;

/// <summary>Source-generated JSON for what only the Table store keeps: the customer row's embedded instances and recent touchpoints, migrations.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<EmbeddedInstance>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Orchestrator.Application.Ports.MigrationRecord))]
internal sealed partial class TableStorageJsonContext : JsonSerializerContext;
