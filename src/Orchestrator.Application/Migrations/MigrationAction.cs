using System.Text.Json.Serialization;

namespace Orchestrator.Application.Migrations;

/// <summary>What a migration does to the instances at one old step.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MigrationAction>))]
public enum MigrationAction
{
    /// <summary>They move to the mapped step of the new version.</summary>
    Move,

    /// <summary>The map does not name their step; they end with the request's outcome.</summary>
    End,

    /// <summary>The map does not name their step and the request says nothing of unmapped instances: they block the migration.</summary>
    Block,
}
